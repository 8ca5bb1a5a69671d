package eu.vigie.classify.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import eu.vigie.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Designated entities' membership of the UK, EU, UN and French lists as data: derived for the seed from its source
 * text, the French registre holding every UN and EU entity, administered (and audited) through the API, filtered by
 * list, and named in a classification's entity hits.
 */
@QuarkusTest
class DesignationListingResourceTest {

    private static final String ALLOWED = "UK_PROSCRIBED, EU_CFSP_2001_931, UN_ISIL_AQ, FR_GEL";

    private static List<Map<String, Object>> entities(String token, String list) {
        var request = given().auth().oauth2(token);
        if (list != null) {
            request = request.queryParam("list", list);
        }
        return request.when().get("/api/v1/designated-entities")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static Map<String, Object> named(List<Map<String, Object>> entities, String name) {
        return entities.stream().filter(e -> name.equals(e.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not listed"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listings(Map<String, Object> entity) {
        return (List<Map<String, Object>>) entity.get("listings");
    }

    private static List<String> lists(Map<String, Object> entity) {
        return listings(entity).stream().map(l -> (String) l.get("list")).toList();
    }

    private static Map<String, Object> listing(Map<String, Object> entity, String list) {
        return listings(entity).stream().filter(l -> list.equals(l.get("list"))).findFirst()
                .orElseThrow(() -> new AssertionError(entity.get("name") + " is not on " + list));
    }

    /** The lists the seed's source text names: segments "UK: ...", "EU: ...", "UN: ..." (V2: "UK Terrorism Act..."). */
    private static List<String> listsNamedBySource(String source) {
        List<String> named = new ArrayList<>();
        for (String segment : source.split(";")) {
            String s = segment.strip();
            if (s.startsWith("UK:") || s.startsWith("UK Terrorism Act 2000, Schedule 2")) {
                named.add("UK_PROSCRIBED");
            } else if (s.startsWith("EU:")) {
                named.add("EU_CFSP_2001_931");
            } else if (s.startsWith("UN:") || s.startsWith("UN Security Council ISIL")) {
                named.add("UN_ISIL_AQ");
            }
        }
        return named;
    }

    @Test
    void everySeededEntityIsOnExactlyTheListsItsSourceNamesAndTheFrenchRegistreHoldsTheUnAndEuOnes() {
        List<Map<String, Object>> all = entities(TestTokens.admin(), null);
        int seeded = 0;
        for (Map<String, Object> entity : all) {
            if (!"system:migration".equals(entity.get("createdBy"))) {
                continue;
            }
            seeded++;
            List<String> expected = new ArrayList<>(listsNamedBySource((String) entity.get("source")));
            assertTrue(!expected.isEmpty(), entity.get("name") + " names a list: " + entity.get("source"));
            if (expected.contains("UN_ISIL_AQ") || expected.contains("EU_CFSP_2001_931")) {
                expected.add("FR_GEL");
            }
            assertEquals(expected, lists(entity), entity.get("name") + " from " + entity.get("source"));
            for (Map<String, Object> listing : listings(entity)) {
                assertTrue(listing.get("reference") != null && !((String) listing.get("reference")).isBlank(),
                        entity.get("name") + " " + listing);
                assertEquals("system:migration", listing.get("createdBy"));
            }
        }
        assertTrue(seeded >= 70, "the V2 and V6 seed: " + seeded);

        Map<String, Object> hamas = named(all, "Hamas");
        assertEquals(List.of("UK_PROSCRIBED", "EU_CFSP_2001_931", "FR_GEL"), lists(hamas));
        assertEquals("Terrorism Act 2000, Schedule 2 (the whole organisation since 2021)",
                listing(hamas, "UK_PROSCRIBED").get("reference"));
        assertEquals(null, listing(hamas, "UK_PROSCRIBED").get("listedName"));
        assertEquals("Hamas, including Hamas-Izz al-Din al-Qassem",
                listing(hamas, "EU_CFSP_2001_931").get("listedName"));
        assertTrue(((String) listing(hamas, "FR_GEL").get("reference")).contains("through the EU measure"));

        Map<String, Object> islamicState = named(all, "Islamic State");
        assertEquals(List.of("UK_PROSCRIBED", "UN_ISIL_AQ", "FR_GEL"), lists(islamicState));
        assertEquals("Al-Qaida in Iraq", listing(islamicState, "UN_ISIL_AQ").get("listedName"));
        String frIslamicState = (String) listing(islamicState, "FR_GEL").get("reference");
        assertTrue(frIslamicState.contains("through the UN measure") && !frIslamicState.contains("EU measure"),
                frIslamicState);
        assertEquals("Hizballah Military Wing", listing(named(all, "Hizballah"), "EU_CFSP_2001_931").get("listedName"));
        assertEquals("Sendero Luminoso", listing(named(all, "Shining Path"), "EU_CFSP_2001_931").get("listedName"));

        Map<String, Object> nationalAction = named(all, "National Action");
        assertEquals(List.of("UK_PROSCRIBED"), lists(nationalAction));
        assertEquals("Terrorism Act 2000, Schedule 2 (proscribed organisations)",
                listing(nationalAction, "UK_PROSCRIBED").get("reference"));
        assertEquals(List.of("UK_PROSCRIBED"), lists(named(all, "Euskadi Ta Askatasuna")));
    }

    @Test
    void entitiesAreFilteredByListAndAnUnknownListIsRefusedNamingTheAllowedValues() {
        List<Map<String, Object>> french = entities(TestTokens.gb("analyst", "reviewer"), "FR_GEL");
        List<String> names = french.stream().map(e -> (String) e.get("name")).toList();
        assertTrue(names.containsAll(List.of("Islamic State", "al-Qaeda", "Hamas", "Hizballah",
                "Kurdistan Workers' Party", "Liberation Tigers of Tamil Eelam", "Shining Path", "Al-Nusrah Front",
                "Al-Qaida in the Islamic Maghreb", "Boko Haram")), names.toString());
        assertTrue(!names.contains("National Action") && !names.contains("Irish Republican Army")
                && !names.contains("Euskadi Ta Askatasuna"), names.toString());
        for (Map<String, Object> entity : french) {
            assertTrue(lists(entity).contains("FR_GEL"), entity.toString());
        }
        List<String> uk = entities(TestTokens.service("ingest-service"), "UK_PROSCRIBED").stream()
                .map(e -> (String) e.get("name")).toList();
        assertTrue(uk.contains("National Action") && !uk.contains("Shining Path"), uk.toString());

        for (String bad : List.of("fr_gel", "FR", "UN_1267")) {
            given().auth().oauth2(TestTokens.admin()).queryParam("list", bad)
                    .when().get("/api/v1/designated-entities")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", contains("list"))
                    .body("detail", containsString(ALLOWED));
        }
    }

    private static String createEntity(String name, String listings) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("""
                        {"name":"%s","tier":"DESIGNATED_GROUP","source":"Test order","listings":%s}
                        """.formatted(name, listings))
                .when().post("/api/v1/designated-entities")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void adminPutsAnEntityOnAListAndTakesItOffEveryChangeAudited() {
        String name = "Listing Front " + Hashes.hex(6);
        String id = createEntity(name, """
                [{"list":"UK_PROSCRIBED","reference":"Test Order 2026"}]""");
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/designated-entities/" + id)
                .then().statusCode(200)
                .body("listings.list", contains("UK_PROSCRIBED"))
                .body("listings[0].reference", equalTo("Test Order 2026"))
                .body("listings[0].createdBy", equalTo("vigie:admin"));

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("list", "FR_GEL", "listedName", "Front de test", "reference", "Arrêté du 1er janvier 2026"))
                .when().post("/api/v1/designated-entities/" + id + "/listings")
                .then().statusCode(201)
                .body("listings.list", contains("UK_PROSCRIBED", "FR_GEL"))
                .body("listings[1].listedName", equalTo("Front de test"))
                .body("listings[1].reference", equalTo("Arrêté du 1er janvier 2026"));
        assertTrue(entities(TestTokens.admin(), "FR_GEL").stream().anyMatch(e -> name.equals(e.get("name"))));

        // Already on the list: 409, and the listing keeps what it said.
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("list", "FR_GEL", "reference", "something else"))
                .when().post("/api/v1/designated-entities/" + id + "/listings")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/designated-entities/" + id)
                .then().statusCode(200).body("listings[1].reference", equalTo("Arrêté du 1er janvier 2026"));

        given().auth().oauth2(TestTokens.admin())
                .when().delete("/api/v1/designated-entities/" + id + "/listings/FR_GEL")
                .then().statusCode(200).body("listings.list", contains("UK_PROSCRIBED"));
        assertTrue(entities(TestTokens.admin(), "FR_GEL").stream().noneMatch(e -> name.equals(e.get("name"))));
        given().auth().oauth2(TestTokens.admin())
                .when().delete("/api/v1/designated-entities/" + id + "/listings/FR_GEL")
                .then().statusCode(404).contentType("application/problem+json");

        List<Map<String, Object>> audit = given().auth().oauth2(TestTokens.admin())
                .queryParam("subjectType", "DESIGNATED_ENTITY").queryParam("subjectId", id)
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("action", contains("ENTITY_ADDED", "ALIAS_ADDED", "LISTING_ADDED", "LISTING_ADDED",
                        "LISTING_REMOVED"))
                .body("actor", everyItem(equalTo("vigie:admin")))
                .extract().jsonPath().getList("$");
        String removed = String.valueOf(audit.get(4).get("detail"));
        assertTrue(removed.contains("FR_GEL") && removed.contains("Arrêté du 1er janvier 2026")
                && removed.contains("Front de test"), removed);
    }

    @Test
    void badListingInputIsRefusedAndChangesNothing() {
        String name = "Bad Listing Front " + Hashes.hex(6);
        String id = createEntity(name, "[]");
        String listings = "/api/v1/designated-entities/" + id + "/listings";
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("list", "FR_NATIONAL"))
                .when().post(listings)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("list"))
                .body("detail", containsString(ALLOWED));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{}")
                .when().post(listings)
                .then().statusCode(400).body("violations.field", contains("list"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("list", "FR_GEL", "listedName", "x".repeat(301)))
                .when().post(listings)
                .then().statusCode(400).body("violations.field", contains("listedName"));
        given().auth().oauth2(TestTokens.admin())
                .when().delete(listings + "/EU")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString(ALLOWED));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("list", "FR_GEL"))
                .when().post("/api/v1/designated-entities/" + UUID.randomUUID() + "/listings")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("list", "FR_GEL"))
                .when().post("/api/v1/designated-entities/not-a-uuid/listings")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/designated-entities/" + id)
                .then().statusCode(200).body("listings", equalTo(List.of()));
        given().auth().oauth2(TestTokens.admin())
                .queryParam("subjectType", "DESIGNATED_ENTITY").queryParam("subjectId", id)
                .when().get("/api/v1/audit")
                .then().statusCode(200).body("action", not(hasItem("LISTING_ADDED")));

        // A new entity naming a list twice is refused whole.
        String twice = "Twice Listed Front " + Hashes.hex(6);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("""
                        {"name":"%s","tier":"DESIGNATED_GROUP","source":"s",
                         "listings":[{"list":"UN_ISIL_AQ"},{"list":"UN_ISIL_AQ"}]}""".formatted(twice))
                .when().post("/api/v1/designated-entities")
                .then().statusCode(400).body("violations.field", contains("listings[1].list"));
        assertTrue(entities(TestTokens.admin(), null).stream().noneMatch(e -> twice.equals(e.get("name"))));
    }

    @Test
    void listingsAreChangedByAdminsOnlyAndReadByReviewersAndServices() {
        String id = createEntity("Roles Front " + Hashes.hex(6), "[]");
        String listings = "/api/v1/designated-entities/" + id + "/listings";
        for (String token : List.of(TestTokens.gb("analyst", "reviewer"), TestTokens.fr("analyst", "reviewer"),
                TestTokens.service("case-service"), TestTokens.gb("officer", "referrer"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("list", "FR_GEL"))
                    .when().post(listings).then().statusCode(403);
            given().auth().oauth2(token).when().delete(listings + "/FR_GEL").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(Map.of("list", "FR_GEL"))
                .when().post(listings).then().statusCode(401);
        given().when().delete(listings + "/FR_GEL").then().statusCode(401);
        given().queryParam("list", "FR_GEL").when().get("/api/v1/designated-entities").then().statusCode(401);
        given().auth().oauth2(TestTokens.gb("officer", "referrer")).queryParam("list", "FR_GEL")
                .when().get("/api/v1/designated-entities").then().statusCode(403);
        given().auth().oauth2(TestTokens.fr("analyst", "reviewer")).queryParam("list", "FR_GEL")
                .when().get("/api/v1/designated-entities").then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/designated-entities/" + id)
                .then().statusCode(200).body("listings", equalTo(List.of()));
    }

    @Test
    void concurrentAddsOfTheSameListingLeaveOneRowAndOneAuditEntry() throws Exception {
        String id = createEntity("Concurrent Front " + Hashes.hex(6), "[]");
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String reference = "reference " + i;
                answers.add(pool.submit(() -> given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                        .body(Map.of("list", "UN_ISIL_AQ", "reference", reference))
                        .when().post("/api/v1/designated-entities/" + id + "/listings")));
            }
            Set<Integer> statuses = new HashSet<>();
            int created = 0;
            for (Future<Response> answer : answers) {
                int status = answer.get().statusCode();
                statuses.add(status);
                created += status == 201 ? 1 : 0;
            }
            assertEquals(1, created, statuses.toString());
            assertTrue(Set.of(201, 409).containsAll(statuses), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/designated-entities/" + id)
                .then().statusCode(200).body("listings.list", contains("UN_ISIL_AQ"));
        List<String> actions = given().auth().oauth2(TestTokens.admin())
                .queryParam("subjectType", "DESIGNATED_ENTITY").queryParam("subjectId", id)
                .when().get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("action");
        assertEquals(1, actions.stream().filter("LISTING_ADDED"::equals).count(), actions.toString());
    }

    private static Map<String, Object> referral(String text) {
        return Map.of("referralId", UUID.randomUUID().toString(), "url", "https://video.example/watch?v=2",
                "platformId", "examplevideo", "contentType", "TEXT", "text", text);
    }

    @Test
    void aFrenchTextNamingAGroupByItsFrenchNameIsClassifiedWithItAndTheHitNamesItsLists() {
        String text = "Gloire aux martyrs ! Rejoignez les Tigres de liberation de l'Eelam tamoul et le Front al-Nosra pour "
                + "le peuple du Levant.";
        given().auth().oauth2(TestTokens.service("ingest-service")).contentType(ContentType.JSON)
                .body(referral(text))
                .when().post("/api/v1/classifications")
                .then().statusCode(200)
                .body("language", equalTo("fr"))
                .body("entity", equalTo("Liberation Tigers of Tamil Eelam"))
                .body("tier", equalTo("DESIGNATED_GROUP"))
                .body("categories", hasItem("INCITEMENT"))
                .body("indicators.find { it.entity == 'Liberation Tigers of Tamil Eelam' }.term",
                        equalTo("Tigres de libération de l'Eelam tamoul"))
                .body("indicators.find { it.entity == 'Liberation Tigers of Tamil Eelam' }.language", equalTo("fr"))
                .body("indicators.find { it.entity == 'Liberation Tigers of Tamil Eelam' }.start",
                        equalTo(text.indexOf("Tigres")))
                .body("indicators.find { it.entity == 'Liberation Tigers of Tamil Eelam' }.lists",
                        contains("EU_CFSP_2001_931", "FR_GEL"))
                .body("indicators.find { it.entity == 'Liberation Tigers of Tamil Eelam' }.explanation",
                        containsString("on the lists EU_CFSP_2001_931, FR_GEL"))
                .body("indicators.find { it.entity == 'Al-Nusrah Front' }.term",
                        equalTo("Front al-Nosra pour le peuple du Levant"))
                .body("indicators.find { it.entity == 'Al-Nusrah Front' }.lists",
                        contains("UK_PROSCRIBED", "UN_ISIL_AQ", "FR_GEL"))
                .body("indicators.findAll { it.kind == 'CATEGORY_TERM' }.category", hasItem("INCITEMENT"))
                .body("indicators.findAll { it.kind == 'CATEGORY_TERM' }.lists", everyItem(nullValue()));

        // The French national list alone: an entity an admin puts on FR_GEL only is named so in the hit.
        String name = "Groupe Essai " + Hashes.hex(6);
        createEntity(name, """
                [{"list":"FR_GEL","reference":"Arrêté test"}]""");
        given().auth().oauth2(TestTokens.service("ingest-service")).contentType(ContentType.JSON)
                .body(referral("Rejoignez le " + name.toLowerCase() + " !"))
                .when().post("/api/v1/classifications")
                .then().statusCode(200)
                .body("entity", equalTo(name))
                .body("indicators.find { it.entity == '%s' }.lists".formatted(name), contains("FR_GEL"));
        List<String> onFrench = entities(TestTokens.admin(), "FR_GEL").stream().map(e -> (String) e.get("name"))
                .toList();
        assertTrue(onFrench.containsAll(List.of(name, "Liberation Tigers of Tamil Eelam", "Al-Nusrah Front")));
    }

    @Test
    void theFrenchNamesOfTheSeedAreFoundInFrenchText() {
        String text = "Les Chebab et le Mouvement du Jihad islamique en Palestine, comme l'Etat islamique et Daech, "
                + "les brigades Ezzedine al-Qassam et le Parti des travailleurs du Kurdistan.";
        given().auth().oauth2(TestTokens.service("ingest-service")).contentType(ContentType.JSON)
                .body(referral(text))
                .when().post("/api/v1/classifications")
                .then().statusCode(200)
                .body("indicators.entity", hasItems("Al-Shabaab", "Palestinian Islamic Jihad", "Islamic State",
                        "Hamas", "Kurdistan Workers' Party"))
                .body("indicators.find { it.entity == 'Islamic State' }.lists", hasItem("FR_GEL"))
                .body("indicators.find { it.entity == 'Al-Shabaab' }.lists", contains("UK_PROSCRIBED"));
    }
}
