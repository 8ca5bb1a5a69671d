package eu.vigie.classify.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import eu.vigie.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Several replicas share one database: a signal another replica adds or disables (written straight to the table here,
 * as that replica would, without this replica's after-commit hook) reaches this replica's index through the change
 * feed within a poll or two.
 */
@QuarkusTest
class PdqIndexReplicaTest {

    @Inject
    EntityManager em;

    private static List<String> matchIds(String pdq) {
        return given().auth().oauth2(TestTokens.gb("analyst", "reviewer")).contentType("application/json")
                .body(Map.of("signalType", "PDQ", "value", pdq)).when().post("/api/v1/matches")
                .then().statusCode(200).extract().jsonPath().getList("matches.signalId", String.class);
    }

    private static String randomPdq() {
        StringBuilder hex = new StringBuilder();
        java.util.SplittableRandom random = new java.util.SplittableRandom();
        for (int k = 0; k < 64; k++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }

    @Test
    void signalAddedAndDisabledByAnotherReplicaIsSeenThroughTheChangeFeed() {
        String pdq = randomPdq();
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO bank_signal (id, bank_name, signal_type, value, enabled, created_at, created_by,
                                         updated_at, updated_by)
                VALUES (:id, 'CONFIRMED', 'PDQ', :value, TRUE, :now, 'replica-2', :now, 'replica-2')
                """).setParameter("id", id).setParameter("value", pdq).setParameter("now", Instant.now())
                .executeUpdate());
        Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> matchIds(pdq).contains(id.toString()));

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE bank_signal SET enabled = FALSE, updated_at = now() WHERE id = :id")
                .setParameter("id", id).executeUpdate());
        // The database confirms every candidate, so the disabled signal is not answered even before the poll.
        given().auth().oauth2(TestTokens.gb("analyst", "reviewer")).contentType("application/json")
                .body(Map.of("signalType", "PDQ", "value", pdq)).when().post("/api/v1/matches")
                .then().statusCode(200).body("matches", empty());
    }

    @Test
    void signalAddedThroughThisReplicaMatchesAtOnce() {
        String pdq = randomPdq();
        String id = given().auth().oauth2(TestTokens.service("case-service")).contentType("application/json")
                .body(Map.of("signalType", "PDQ", "value", pdq)).when().post("/api/v1/banks/CONFIRMED/signals")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.gb("analyst", "reviewer")).contentType("application/json")
                .body(Map.of("signalType", "PDQ", "value", pdq)).when().post("/api/v1/matches")
                .then().statusCode(200).body("matches.signalId", contains(id));
    }
}
