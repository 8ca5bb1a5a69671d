package eu.vigie.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.vigie.ingest.Images;
import eu.vigie.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class EvidenceResourceTest {

    static final String GB_REVIEWER = TestTokens.gb("gb-reviewer", "reviewer");

    private static String submitImage(String token, byte[] bytes) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"url":"https://img.example/%s","contentType":"IMAGE","media":{"mediaType":"image/png","dataBase64":"%s"}}
                """.formatted(UUID.randomUUID(), Base64.getEncoder().encodeToString(bytes)))
                .when().post("/api/v1/referrals").then().statusCode(201).extract().path("signals.sha256");
    }

    @Test
    void reviewerOfTheOwningJurisdictionReadsTheBytesAndTheReadIsRecorded() {
        byte[] bytes = Images.png();
        String sha256 = submitImage(ReferralResourceTest.GB_REFERRER, bytes);

        byte[] read = given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/evidence/" + sha256)
                .then().statusCode(200)
                .contentType("image/png")
                .header("X-Content-SHA256", sha256)
                .extract().asByteArray();
        assertArrayEquals(bytes, read);

        List<String> actions = given().auth().oauth2(GB_REVIEWER).get("/api/v1/evidence/" + sha256 + "/custody")
                .then().statusCode(200)
                .body("[0].actor", equalTo("gb:gb-referrer"))
                .body("[0].agency", equalTo("CTIRU"))
                .body("[0].jurisdiction", equalTo("GB"))
                .body("[1].actor", equalTo("gb:gb-reviewer"))
                .body("[1].tenant", equalTo("gb"))
                .extract().path("action");
        assertEquals(List.of("SUBMITTED", "READ"), actions);
        String tokenId = given().auth().oauth2(GB_REVIEWER).get("/api/v1/evidence/" + sha256 + "/custody")
                .then().extract().path("[1].tokenId");
        org.junit.jupiter.api.Assertions.assertNotNull(tokenId);
    }

    @Test
    void auditorReadsEvidenceOfAnyJurisdiction() {
        byte[] bytes = Images.png();
        String sha256 = submitImage(TestTokens.fr("fr-referrer", "referrer"), bytes);
        given().auth().oauth2(TestTokens.operator("auditor", "auditor")).get("/api/v1/evidence/" + sha256)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.operator("auditor", "auditor")).get("/api/v1/evidence/" + sha256 + "/custody")
                .then().statusCode(200).body("action", equalTo(List.of("SUBMITTED", "READ")));
    }

    @Test
    void anotherJurisdictionCannotLearnTheEvidenceExists() {
        byte[] bytes = Images.png();
        String sha256 = submitImage(ReferralResourceTest.GB_REFERRER, bytes);
        String unknown = "0".repeat(64);

        for (String token : List.of(TestTokens.fr("fr-reviewer", "reviewer"), TestTokens.fr("fr-issuer", "issuer"))) {
            var existing = given().auth().oauth2(token).get("/api/v1/evidence/" + sha256).then().statusCode(404)
                    .contentType("application/problem+json").extract();
            var missing = given().auth().oauth2(token).get("/api/v1/evidence/" + unknown).then().statusCode(404)
                    .extract();
            assertEquals(missing.path("title"), (String) existing.path("title"));
            given().auth().oauth2(token).get("/api/v1/evidence/" + sha256 + "/custody").then().statusCode(404);
        }
        // nothing was recorded for the refused reads
        given().auth().oauth2(GB_REVIEWER).get("/api/v1/evidence/" + sha256 + "/custody")
                .then().statusCode(200).body("action", equalTo(List.of("SUBMITTED")));
    }

    @Test
    void jurisdictionThatSubmittedTheSameBytesMayReadThem() {
        byte[] bytes = Images.png();
        String sha256 = submitImage(ReferralResourceTest.GB_REFERRER, bytes);
        given().auth().oauth2(TestTokens.fr("fr-reviewer", "reviewer")).get("/api/v1/evidence/" + sha256)
                .then().statusCode(404);
        assertEquals(sha256, submitImage(TestTokens.fr("fr-referrer", "referrer"), bytes));
        given().auth().oauth2(TestTokens.fr("fr-reviewer", "reviewer")).get("/api/v1/evidence/" + sha256)
                .then().statusCode(200);
    }

    @Test
    void rolesWithoutEvidenceAccessAreRefused() {
        byte[] bytes = Images.png();
        String sha256 = submitImage(ReferralResourceTest.GB_REFERRER, bytes);
        given().get("/api/v1/evidence/" + sha256).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(ReferralResourceTest.GB_REFERRER).get("/api/v1/evidence/" + sha256).then().statusCode(403);
        given().auth().oauth2(TestTokens.platform("examplevideo")).get("/api/v1/evidence/" + sha256).then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/evidence/" + sha256).then().statusCode(403);
    }

    @Test
    void malformedOrUnknownHashIsNotFound() {
        given().auth().oauth2(GB_REVIEWER).get("/api/v1/evidence/abc").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(GB_REVIEWER).get("/api/v1/evidence/" + "f".repeat(64)).then().statusCode(404);
    }

    @Test
    void chainOfCustodyCannotBeRewritten() {
        byte[] bytes = Images.png();
        String sha256 = submitImage(ReferralResourceTest.GB_REFERRER, bytes);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            var em = eu.vigie.ingest.CustodyEvent.getEntityManager();
            em.createNativeQuery("UPDATE custody_event SET actor = 'gb:someone-else' WHERE sha256 = :s")
                    .setParameter("s", sha256).executeUpdate();
            em.createNativeQuery("DELETE FROM custody_event WHERE sha256 = :s").setParameter("s", sha256)
                    .executeUpdate();
        });
        given().auth().oauth2(GB_REVIEWER).get("/api/v1/evidence/" + sha256 + "/custody")
                .then().statusCode(200)
                .body("action", equalTo(List.of("SUBMITTED")))
                .body("[0].actor", equalTo("gb:gb-referrer"));
    }
}
