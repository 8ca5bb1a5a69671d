package eu.vigie.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.vigie.ingest.Images;
import eu.vigie.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** ARCHITECTURE "Case sharing reaches the evidence": case-service's shares open the bytes to another jurisdiction. */
@QuarkusTest
class EvidenceShareTest {

    static final String CASE_SERVICE = TestTokens.service("case-service");
    static final String FR_REVIEWER = TestTokens.fr("fr-reviewer", "reviewer");
    static final String FR_ISSUER = TestTokens.fr("fr-issuer", "issuer");
    static final String GB_REVIEWER = TestTokens.gb("gb-reviewer", "reviewer");

    private static String gbImage(byte[] bytes) {
        return given().auth().oauth2(ReferralResourceTest.GB_REFERRER).contentType(ContentType.JSON).body("""
                {"url":"https://img.example/%s","contentType":"IMAGE","media":{"mediaType":"image/png","dataBase64":"%s"}}
                """.formatted(UUID.randomUUID(), Base64.getEncoder().encodeToString(bytes)))
                .when().post("/api/v1/referrals").then().statusCode(201).extract().path("signals.sha256");
    }

    private static ValidatableResponse share(String token, String sha256, String jurisdiction, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/evidence/" + sha256 + "/shares/" + jurisdiction).then();
    }

    private static String notice(UUID caseId, UUID shareId) {
        return "{\"caseId\":\"%s\",\"shareId\":\"%s\",\"sharedAt\":\"%s\"}".formatted(caseId, shareId,
                Instant.now().minusSeconds(5));
    }

    private static List<String> custody(String sha256) {
        return given().auth().oauth2(GB_REVIEWER).get("/api/v1/evidence/" + sha256 + "/custody")
                .then().statusCode(200).extract().path("action");
    }

    @Test
    void sharedJurisdictionReadsTheBytesAuditedUntilTheShareIsRevoked() {
        byte[] bytes = Images.png();
        String sha256 = gbImage(bytes);
        given().auth().oauth2(FR_REVIEWER).get("/api/v1/evidence/" + sha256).then().statusCode(404);

        UUID caseId = UUID.randomUUID();
        UUID shareId = UUID.randomUUID();
        String body = notice(caseId, shareId);
        share(CASE_SERVICE, sha256, "FR", body).statusCode(200)
                .body("jurisdiction", equalTo("FR")).body("caseId", equalTo(caseId.toString()))
                .body("shareId", equalTo(shareId.toString())).body("active", equalTo(true));
        // a replay answers the same and records nothing more
        share(CASE_SERVICE, sha256, "FR", body).statusCode(200).body("active", equalTo(true));
        assertEquals(List.of("SUBMITTED", "SHARED"), custody(sha256));

        byte[] read = given().auth().oauth2(FR_REVIEWER).get("/api/v1/evidence/" + sha256).then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(bytes, read);
        given().auth().oauth2(FR_ISSUER).get("/api/v1/evidence/" + sha256).then().statusCode(200);
        // the referrer role does not read evidence, shared or not
        given().auth().oauth2(TestTokens.fr("fr-referrer", "referrer")).get("/api/v1/evidence/" + sha256)
                .then().statusCode(403);
        var chain = given().auth().oauth2(GB_REVIEWER).get("/api/v1/evidence/" + sha256 + "/custody")
                .then().statusCode(200).extract();
        assertEquals(List.of("SUBMITTED", "SHARED", "READ", "READ"), chain.path("action"));
        assertEquals(List.of("GB", "vigie", "FR", "FR"), chain.<List<String>>path("jurisdiction").stream()
                .map(j -> j == null ? "vigie" : j).toList());

        given().auth().oauth2(CASE_SERVICE).delete("/api/v1/evidence/" + sha256 + "/shares/FR").then().statusCode(204);
        given().auth().oauth2(CASE_SERVICE).delete("/api/v1/evidence/" + sha256 + "/shares/FR").then().statusCode(204);
        given().auth().oauth2(FR_REVIEWER).get("/api/v1/evidence/" + sha256).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(FR_ISSUER).get("/api/v1/evidence/" + sha256).then().statusCode(403);
        assertEquals(List.of("SUBMITTED", "SHARED", "READ", "READ", "SHARE_REVOKED"), custody(sha256));

        // the delivery of the first share again, late: it stays revoked
        share(CASE_SERVICE, sha256, "FR", body).statusCode(200).body("active", equalTo(false));
        // a new share opens it again
        share(CASE_SERVICE, sha256, "fr", notice(caseId, UUID.randomUUID())).statusCode(200).body("active", equalTo(true));
        given().auth().oauth2(FR_REVIEWER).get("/api/v1/evidence/" + sha256).then().statusCode(200);
    }

    @Test
    void sharesAreForCaseServiceOnlyAndBadNoticesChangeNothing() {
        String sha256 = gbImage(Images.png());
        String body = notice(UUID.randomUUID(), UUID.randomUUID());
        given().contentType(ContentType.JSON).body(body).put("/api/v1/evidence/" + sha256 + "/shares/FR")
                .then().statusCode(401);
        for (String token : List.of(TestTokens.gb("gb-issuer", "issuer"), FR_REVIEWER, TestTokens.operator("auditor", "auditor"))) {
            share(token, sha256, "FR", body).statusCode(403);
            given().auth().oauth2(token).delete("/api/v1/evidence/" + sha256 + "/shares/FR").then().statusCode(403);
        }
        share(CASE_SERVICE, "0".repeat(64), "FR", body).statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(CASE_SERVICE).delete("/api/v1/evidence/" + "0".repeat(64) + "/shares/FR")
                .then().statusCode(404);
        share(CASE_SERVICE, sha256, "FRANCE", body).statusCode(400).contentType("application/problem+json");
        share(CASE_SERVICE, sha256, "FR", "{\"caseId\":\"" + UUID.randomUUID() + "\"}").statusCode(400);
        share(CASE_SERVICE, sha256, "FR", "{\"caseId\":\"x\",\"shareId\":\"y\",\"sharedAt\":\"z\"}").statusCode(400);
        share(CASE_SERVICE, sha256, "FR", "{\"caseId\":\"%s\",\"shareId\":\"%s\",\"sharedAt\":\"%s\"}".formatted(
                UUID.randomUUID(), UUID.randomUUID(), Instant.now().plusSeconds(3600))).statusCode(400);
        assertEquals(List.of("SUBMITTED"), custody(sha256));
        given().auth().oauth2(FR_REVIEWER).get("/api/v1/evidence/" + sha256).then().statusCode(404);
        // never shared: revoking changes nothing and still answers 204
        given().auth().oauth2(CASE_SERVICE).delete("/api/v1/evidence/" + sha256 + "/shares/FR").then().statusCode(204);
        assertEquals(List.of("SUBMITTED"), custody(sha256));
    }
}
