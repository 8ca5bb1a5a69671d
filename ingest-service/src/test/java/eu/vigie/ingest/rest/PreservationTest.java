package eu.vigie.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import eu.vigie.ingest.Images;
import eu.vigie.ingest.service.EvidencePurge;
import eu.vigie.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Preservation (TCO Art. 6): six months after the case closes, longer under a legal hold, then purged. */
@QuarkusTest
class PreservationTest {

    static final String GB_REFERRER = TestTokens.gb("gb-referrer", "referrer");
    static final String GB_ISSUER = TestTokens.gb("gb-issuer", "issuer");
    static final String GB_REVIEWER = TestTokens.gb("gb-reviewer", "reviewer");
    static final String CASE_SERVICE = TestTokens.service("case-service");

    @Inject
    EvidencePurge purge;

    private static String submitImage() {
        return given().auth().oauth2(GB_REFERRER).contentType(ContentType.JSON).body("""
                {"url":"https://keep.example/%s","contentType":"IMAGE","media":{"mediaType":"image/png","dataBase64":"%s"}}
                """.formatted(UUID.randomUUID(), Base64.getEncoder().encodeToString(Images.png())))
                .when().post("/api/v1/referrals").then().statusCode(201).extract().path("signals.sha256");
    }

    private static io.restassured.response.ValidatableResponse caseClosed(String token, String sha256, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/evidence/" + sha256 + "/case-closed").then();
    }

    private static List<String> custodyActions(String sha256) {
        return given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/evidence/" + sha256 + "/custody")
                .then().statusCode(200).extract().jsonPath().getList("action");
    }

    private static long contentRows(String sha256) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) eu.vigie.ingest.Evidence.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM evidence_content WHERE sha256 = :s").setParameter("s", sha256)
                .getSingleResult()).longValue());
    }

    @Test
    void bytesAreKeptSixMonthsAfterTheCaseClosesThenPurgedWithTheDeletionRecorded() {
        String sha256 = submitImage();
        UUID caseId = UUID.randomUUID();
        Instant closedAt = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Instant retainUntil = closedAt.atOffset(ZoneOffset.UTC).plusMonths(6).toInstant();
        String notice = "{\"caseId\":\"" + caseId + "\",\"closedAt\":\"" + closedAt + "\"}";
        caseClosed(CASE_SERVICE, sha256, notice).statusCode(200)
                .body("closedCaseId", equalTo(caseId.toString()))
                .body("retainUntil", equalTo(retainUntil.toString()));
        caseClosed(CASE_SERVICE, sha256, notice).statusCode(200).body("retainUntil", equalTo(retainUntil.toString()));
        assertEquals(1, custodyActions(sha256).stream().filter("CASE_CLOSED"::equals).count(), "a replay records nothing");

        purge.purgeExpired(retainUntil.minusSeconds(1));
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/evidence/" + sha256).then().statusCode(200);
        assertEquals(1, contentRows(sha256));

        purge.purgeExpired(retainUntil.plusSeconds(1));
        assertEquals(0, contentRows(sha256));
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/evidence/" + sha256).then().statusCode(410)
                .contentType("application/problem+json");
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/evidence/" + sha256 + "/custody").then().statusCode(200)
                .body("action", hasItem("SUBMITTED"))
                .body("find { it.action == 'PURGED' }.actor", equalTo("system"))
                .body("find { it.action == 'PURGED' }.detail", org.hamcrest.Matchers.containsString(caseId.toString()));
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/evidence/" + sha256 + "/preservation").then()
                .statusCode(200).body("purgedAt", notNullValue());
    }

    @Test
    void legalHoldKeepsTheBytesPastRetentionUntilReleased() {
        String sha256 = submitImage();
        Instant closedAt = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Instant retainUntil = closedAt.atOffset(ZoneOffset.UTC).plusMonths(6).toInstant();
        caseClosed(CASE_SERVICE, sha256, "{\"caseId\":\"" + UUID.randomUUID() + "\",\"closedAt\":\"" + closedAt + "\"}")
                .statusCode(200);
        Instant holdUntil = closedAt.atOffset(ZoneOffset.UTC).plusYears(2).toInstant();
        given().auth().oauth2(GB_ISSUER).contentType(ContentType.JSON)
                .body("{\"until\":\"" + holdUntil + "\",\"reasons\":\"Crown Court proceedings T20267001\"}")
                .when().post("/api/v1/evidence/" + sha256 + "/legal-hold").then().statusCode(200)
                .body("legalHoldUntil", equalTo(holdUntil.toString()))
                .body("legalHoldReasons", equalTo("Crown Court proceedings T20267001"));

        purge.purgeExpired(retainUntil.plus(30, ChronoUnit.DAYS));
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/evidence/" + sha256).then().statusCode(200);

        given().auth().oauth2(GB_ISSUER).when().delete("/api/v1/evidence/" + sha256 + "/legal-hold").then()
                .statusCode(200).body("legalHoldUntil", nullValue());
        given().auth().oauth2(GB_ISSUER).when().delete("/api/v1/evidence/" + sha256 + "/legal-hold").then()
                .statusCode(409).contentType("application/problem+json");
        purge.purgeExpired(retainUntil.plus(30, ChronoUnit.DAYS));
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/evidence/" + sha256).then().statusCode(410);
        List<String> actions = custodyActions(sha256);
        assertEquals(List.of("SUBMITTED", "CASE_CLOSED", "LEGAL_HOLD_SET", "LEGAL_HOLD_RELEASED", "PURGED"),
                actions.stream().filter(a -> !a.equals("READ")).toList());
    }

    @Test
    void evidenceWhoseCaseIsOpenIsNeverPurged() {
        String sha256 = submitImage();
        purge.purgeExpired(Instant.now().plus(3650, ChronoUnit.DAYS));
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/evidence/" + sha256).then().statusCode(200);
    }

    @Test
    void legalHoldIsForIssuersAndAuditorsOfTheOwningJurisdiction() {
        String sha256 = submitImage();
        String hold = "{\"until\":\"" + Instant.now().plus(400, ChronoUnit.DAYS) + "\",\"reasons\":\"appeal\"}";
        given().contentType(ContentType.JSON).body(hold).when().post("/api/v1/evidence/" + sha256 + "/legal-hold")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(GB_REVIEWER).contentType(ContentType.JSON).body(hold)
                .when().post("/api/v1/evidence/" + sha256 + "/legal-hold").then().statusCode(403);
        given().auth().oauth2(TestTokens.fr("fr-issuer", "issuer")).contentType(ContentType.JSON).body(hold)
                .when().post("/api/v1/evidence/" + sha256 + "/legal-hold").then().statusCode(404);
        given().auth().oauth2(TestTokens.operator("auditor", "auditor")).contentType(ContentType.JSON).body(hold)
                .when().post("/api/v1/evidence/" + sha256 + "/legal-hold").then().statusCode(200);
        given().auth().oauth2(TestTokens.fr("fr-issuer", "issuer")).when()
                .delete("/api/v1/evidence/" + sha256 + "/legal-hold").then().statusCode(404);
    }

    @Test
    void badLegalHoldsAndNoticesAreRefusedAndChangeNothing() {
        String sha256 = submitImage();
        for (String body : new String[] { "{\"until\":\"2001-01-01T00:00:00Z\",\"reasons\":\"late\"}",
                "{\"until\":\"" + Instant.now().plus(9, ChronoUnit.DAYS) + "\",\"reasons\":\" \"}",
                "{\"until\":\"tomorrow\",\"reasons\":\"x\"}", "{\"reasons\":\"x\"}", "[]" }) {
            given().auth().oauth2(GB_ISSUER).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/evidence/" + sha256 + "/legal-hold").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        caseClosed(CASE_SERVICE, sha256, "{\"caseId\":\"nope\",\"closedAt\":\"2026-01-01T00:00:00Z\"}").statusCode(400);
        caseClosed(CASE_SERVICE, sha256, "{\"caseId\":\"" + UUID.randomUUID() + "\",\"closedAt\":\"2999-01-01T00:00:00Z\"}")
                .statusCode(400);
        caseClosed(CASE_SERVICE, "0".repeat(64), "{\"caseId\":\"" + UUID.randomUUID() + "\",\"closedAt\":\"2026-01-01T00:00:00Z\"}")
                .statusCode(404);
        caseClosed(GB_ISSUER, sha256, "{\"caseId\":\"" + UUID.randomUUID() + "\",\"closedAt\":\"2026-01-01T00:00:00Z\"}")
                .statusCode(403);
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/evidence/" + sha256 + "/preservation").then()
                .statusCode(200).body("retainUntil", nullValue()).body("legalHoldUntil", nullValue());
        assertEquals(List.of("SUBMITTED"), custodyActions(sha256));
    }
}
