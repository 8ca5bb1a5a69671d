package eu.vigie.classify.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import eu.vigie.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The text scan's compiled lexicon: every change to the designations or indicators, through this replica's API or
 * written to the database by another replica, is seen by the very next classification; while nothing changes, a
 * classification reads one row for it, however many designations there are.
 */
@QuarkusTest
class DesignationLexiconTest {

    @Inject
    EntityManager em;

    @Inject
    EntityManagerFactory emf;

    @Inject
    DesignationLexicon lexicon;

    /** A made-up word of letters only (digits would be read as evasions of letters). */
    private static String word() {
        SplittableRandom random = new SplittableRandom();
        StringBuilder word = new StringBuilder("Q");
        for (int k = 0; k < 9; k++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static ValidatableResponse classify(String text) {
        return given().auth().oauth2(TestTokens.service("ingest-service")).contentType(ContentType.JSON)
                .body(Map.of("referralId", UUID.randomUUID().toString(), "url", "https://video.example/watch?v=2",
                        "platformId", "examplevideo", "contentType", "TEXT", "text", text, "language", "en"))
                .when().post("/api/v1/classifications")
                .then().statusCode(200);
    }

    private static String createEntity(String name, String listings) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("""
                        {"name":"%s","tier":"DESIGNATED_GROUP","source":"Test list","listings":%s}
                        """.formatted(name, listings))
                .when().post("/api/v1/designated-entities")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aliasAddedThroughTheApiIsFoundByTheNextClassification() {
        String name = word() + " Front";
        String alias = word() + " Brigade";
        String id = createEntity(name, "[]");
        classify("They marched with the " + alias + " yesterday.").body("entity", nullValue()).body("indicators", empty());
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("alias", alias, "language", "en"))
                .when().post("/api/v1/designated-entities/" + id + "/aliases")
                .then().statusCode(201);
        String text = "They marched with the " + alias + " yesterday.";
        classify(text)
                .body("entity", equalTo(name))
                .body("indicators.term", contains(alias))
                .body("indicators[0].start", equalTo(text.indexOf(alias)))
                .body("indicators[0].lists", empty())
                .body("indicators[0].explanation", equalTo("'" + alias + "' is an English name of the designated entity "
                        + name + " (a designated group, listed by Test list; on none of the designation lists); found as '"
                        + alias + "' at " + text.indexOf(alias) + "-" + (text.indexOf(alias) + alias.length()) + "."));
    }

    @Test
    void listingsChangedThroughTheApiAreNamedByTheNextClassification() {
        String name = word() + " Movement";
        String id = createEntity(name, "[{\"list\":\"UK_PROSCRIBED\"}]");
        String text = "A post praising the " + name + ".";
        classify(text).body("indicators[0].lists", contains("UK_PROSCRIBED"))
                .body("indicators[0].explanation", containsString("; on the lists UK_PROSCRIBED); found as"));
        given().auth().oauth2(TestTokens.admin()).when().delete("/api/v1/designated-entities/" + id + "/listings/UK_PROSCRIBED")
                .then().statusCode(200);
        classify(text).body("indicators[0].entity", equalTo(name)).body("indicators[0].lists", empty())
                .body("indicators[0].explanation", containsString("; on none of the designation lists); found as"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("list", "EU_CFSP_2001_931"))
                .when().post("/api/v1/designated-entities/" + id + "/listings")
                .then().statusCode(201);
        classify(text).body("indicators[0].lists", contains("EU_CFSP_2001_931"));
    }

    @Test
    void indicatorAddedThroughTheApiIsFoundByTheNextClassification() {
        String phrase = "join the " + word().toLowerCase() + " caravan";
        String text = "Brothers, " + phrase + " tonight.";
        classify(text).body("categories", empty()).body("indicators", empty());
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("category", "GROUP_PARTICIPATION", "phrase", phrase, "language", "en"))
                .when().post("/api/v1/indicators")
                .then().statusCode(201);
        classify(text).body("categories", contains("GROUP_PARTICIPATION"))
                .body("indicators.term", contains(phrase))
                .body("indicators[0].start", equalTo(text.indexOf(phrase)));
    }

    @Test
    void designationsWrittenByAnotherReplicaAreSeenByTheNextClassificationAndRaiseTheVersion() {
        String name = word() + " Network";
        String alias = word() + " Cell";
        UUID entityId = UUID.randomUUID();
        UUID aliasId = UUID.randomUUID();
        String text = "Video of the " + alias + " training camp.";
        classify(text).body("indicators", empty());
        long before = lexicon.committedVersion();
        // Another replica's transaction, straight to the tables: no call to this replica's services or lexicon.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    INSERT INTO designated_entity (id, name, tier, source, created_at, created_by)
                    VALUES (:id, :name, 'CRISIS', 'Other replica list', :now, 'other-replica')
                    """).setParameter("id", entityId).setParameter("name", name).setParameter("now", Instant.now())
                    .executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO entity_alias (id, entity_id, alias, language, case_sensitive, created_at, created_by)
                    VALUES (:id, :entity, :alias, 'en', FALSE, :now, 'other-replica')
                    """).setParameter("id", aliasId).setParameter("entity", entityId).setParameter("alias", alias)
                    .setParameter("now", Instant.now()).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO entity_listing (id, entity_id, designation_list, created_at, created_by)
                    VALUES (:id, :entity, 'UN_ISIL_AQ', :now, 'other-replica')
                    """).setParameter("id", UUID.randomUUID()).setParameter("entity", entityId)
                    .setParameter("now", Instant.now()).executeUpdate();
        });
        assertTrue(lexicon.committedVersion() > before, "the database raised the version in the writer's transaction");
        classify(text).body("entity", equalTo(name)).body("tier", equalTo("CRISIS"))
                .body("indicators.term", contains(alias))
                .body("indicators[0].lists", contains("UN_ISIL_AQ"));

        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("DELETE FROM entity_alias WHERE id = :id").setParameter("id", aliasId).executeUpdate());
        classify(text).body("indicators", empty()).body("entity", nullValue());

        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM entity_listing WHERE entity_id = :id").setParameter("id", entityId)
                    .executeUpdate();
            em.createNativeQuery("DELETE FROM entity_alias WHERE entity_id = :id").setParameter("id", entityId)
                    .executeUpdate();
            em.createNativeQuery("DELETE FROM designated_entity WHERE id = :id").setParameter("id", entityId)
                    .executeUpdate();
        });
        classify("Video of the " + name + " training camp.").body("entity", nullValue()).body("indicators", empty());
    }

    @Test
    void anIndicatorWrittenByAnotherReplicaIsFoundByTheNextScan() {
        String phrase = word().toLowerCase() + " the unbelievers";
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO category_indicator (id, category, phrase, language, created_at, created_by)
                VALUES (:id, 'INCITEMENT', :phrase, 'en', :now, 'other-replica')
                """).setParameter("id", UUID.randomUUID()).setParameter("phrase", phrase)
                .setParameter("now", Instant.now()).executeUpdate());
        given().auth().oauth2(TestTokens.gb("analyst", "reviewer")).contentType(ContentType.JSON)
                .body(Map.of("text", "They said: " + phrase.toUpperCase() + "!"))
                .when().post("/api/v1/indicators/scan")
                .then().statusCode(200)
                .body("indicators.term", contains(phrase))
                .body("indicators[0].category", equalTo("INCITEMENT"));
    }

    @Test
    void aLongTextWithThousandsOfNestedNamesKeepsEachOuterNameOnce() {
        String nickname = word();
        String name = nickname + " Front";
        String id = createEntity(name, "[]");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("alias", nickname, "language", "en"))
                .when().post("/api/v1/designated-entities/" + id + "/aliases")
                .then().statusCode(201);
        String sentence = "Join the " + name + " now. ";
        String text = sentence.repeat(3000) + nickname + ".";
        List<Map<String, Object>> indicators = given().auth().oauth2(TestTokens.gb("analyst", "reviewer"))
                .contentType(ContentType.JSON).body(Map.of("text", text))
                .when().post("/api/v1/indicators/scan")
                .then().statusCode(200).extract().jsonPath().getList("indicators");
        assertEquals(3001, indicators.size());
        for (int k = 0; k < 3000; k++) {
            assertEquals(name, indicators.get(k).get("term"));
            assertEquals(k * sentence.length() + sentence.indexOf(name), indicators.get(k).get("start"));
        }
        assertEquals(nickname, indicators.get(3000).get("term"), "the short name alone, outside the long one, is kept");
    }

    @Test
    void theLexiconIsCompiledOnceAndKeptWhileNothingChanges() {
        DesignationLexicon.Lexicon first = QuarkusTransaction.requiringNew().call(lexicon::current);
        assertSame(first, QuarkusTransaction.requiringNew().call(lexicon::current));
        assertEquals(first.version(), lexicon.committedVersion());
        assertTrue(first.entityTerms().stream().anyMatch(t -> t.entity().equals("Islamic State")));
        createEntity(word() + " Legion", "[]");
        DesignationLexicon.Lexicon second = QuarkusTransaction.requiringNew().call(lexicon::current);
        assertNotSame(first, second);
        assertTrue(second.version() > first.version());
        assertEquals(first.entityTerms().size() + 1, second.entityTerms().size());
        // A new version with no change this replica could see in the data: the version alone decides.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE lexicon_version SET version = nextval('lexicon_version_seq')").executeUpdate());
        DesignationLexicon.Lexicon third = QuarkusTransaction.requiringNew().call(lexicon::current);
        assertNotSame(second, third);
        assertEquals(lexicon.committedVersion(), third.version());
        assertEquals(second.entityTerms(), third.entityTerms());
    }

    @Test
    void aClassificationWithTheLexiconCurrentTakesAFewStatementsWhateverTheNumberOfDesignations() {
        String text = "Glory to the martyrs of the Islamic State! We will attack again.";
        classify(text).body("entity", equalTo("Islamic State"));
        Cost before = cheapest(text);
        // At most: the referral's verdict looked up, the lexicon's version read, the verdict stored.
        assertTrue(before.statements() <= 3, "statements per classification: " + before);
        assertEquals(0, before.entitiesLoaded(), "no entity is loaded: " + before);
        assertEquals(0, before.collectionsLoaded(), "no collection is loaded: " + before);
        for (int k = 0; k < 5; k++) {
            createEntity(word() + " Battalion", "[{\"list\":\"FR_GEL\"}]");
        }
        classify(text).body("entity", equalTo("Islamic State")).body("indicators.term", not(empty()));
        assertEquals(before, cheapest(text), "the same cost with five more designated entities");
    }

    record Cost(long statements, long entitiesLoaded, long collectionsLoaded) {
    }

    /**
     * The cost of one classification, the cheapest of several: the statistics are the whole service's, and its
     * background work (the PDQ index's poll, the outbox relay) can only add to what a classification costs.
     */
    private Cost cheapest(String text) {
        Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
        Cost cheapest = null;
        for (int k = 0; k < 5; k++) {
            statistics.clear();
            classify(text);
            Cost cost = new Cost(statistics.getPrepareStatementCount(), statistics.getEntityLoadCount(),
                    statistics.getCollectionLoadCount());
            if (cheapest == null || cost.statements() < cheapest.statements()) {
                cheapest = cost;
            }
        }
        return cheapest;
    }
}
