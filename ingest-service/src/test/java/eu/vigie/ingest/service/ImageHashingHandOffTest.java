package eu.vigie.ingest.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import eu.vigie.ingest.Evidence;
import eu.vigie.ingest.Images;
import eu.vigie.ingest.Neighbours;
import eu.vigie.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** PDQ of images: computed by classify-service's hashing during the hand-off, never in the request path. */
@QuarkusTest
class ImageHashingHandOffTest {

    static final String GB_REFERRER = TestTokens.gb("gb-referrer", "referrer");

    private static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    private static String submitPng(byte[] png) {
        return given().auth().oauth2(GB_REFERRER).contentType(ContentType.JSON).body("""
                {"url":"https://pdq.example/%s","contentType":"IMAGE","media":{"mediaType":"image/png","dataBase64":"%s"}}
                """.formatted(UUID.randomUUID(), Base64.getEncoder().encodeToString(png)))
                .when().post("/api/v1/referrals").then().statusCode(201)
                .body("signals.pdq", nullValue())
                .extract().path("id");
    }

    @Test
    void pdqIsComputedBeforeClassificationAndRecordedOnReferralAndEvidence() throws Exception {
        byte[] png = Images.png();
        String sha256 = hex("SHA-256", png);
        String pdq = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sha256.getBytes()));
        StubMapping stub = Neighbours.server().stubFor(post(urlPathEqualTo("/api/v1/hashes")).atPriority(1)
                .withHeader("Content-Type", WireMock.equalTo("image/png")).withRequestBody(binaryEqualTo(png))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"pdq":"%s","quality":87,"md5":"%s","sha256":"%s","dihedral":%s}"""
                        .formatted(pdq, hex("MD5", png), sha256, Neighbours.dihedral(pdq, 87)))));
        try {
            String id = submitPng(png);
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(GB_REFERRER)
                    .when().get("/api/v1/referrals/" + id).then().statusCode(200)
                    .body("status", equalTo("CASE_OPENED"))
                    .body("signals.pdq", equalTo(pdq))
                    .body("signals.pdqQuality", equalTo(87)));
            Neighbours.server().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/hashes"))
                    .withQueryParam("dihedral", WireMock.equalTo("true"))
                    .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer .+"))
                    .withRequestBody(binaryEqualTo(png)));
            Neighbours.server().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/classifications"))
                    .withRequestBody(matchingJsonPath("$.referralId", WireMock.equalTo(id)))
                    .withRequestBody(matchingJsonPath("$.signals.pdq", WireMock.equalTo(pdq)))
                    .withRequestBody(matchingJsonPath("$.signals.pdqQuality", WireMock.equalTo("87"))));
            assertHandsOffTheVariants(id, pdq);
            Evidence evidence = QuarkusTransaction.requiringNew().call(() -> Evidence.<Evidence>findById(sha256));
            org.junit.jupiter.api.Assertions.assertEquals(pdq, evidence.pdq);
            org.junit.jupiter.api.Assertions.assertEquals(87, evidence.pdqQuality);

            // The same bytes again: the PDQ is reused, classify-service is not asked to hash again.
            String again = submitPng(png);
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(GB_REFERRER)
                    .when().get("/api/v1/referrals/" + again).then().statusCode(200)
                    .body("status", equalTo("CASE_OPENED")).body("signals.pdq", equalTo(pdq)));
            Neighbours.server().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/hashes"))
                    .withRequestBody(binaryEqualTo(png)));
            // ... and its variants are sent again, from the evidence.
            assertHandsOffTheVariants(again, pdq);
        } finally {
            Neighbours.server().removeStub(stub);
        }
    }

    /** The classification request of the referral carried the eight variants, original first, as hashing named them. */
    private static void assertHandsOffTheVariants(String referralId, String pdq) throws Exception {
        List<LoggedRequest> sent = Neighbours.server().findAll(postRequestedFor(urlPathEqualTo("/api/v1/classifications"))
                .withRequestBody(matchingJsonPath("$.referralId", WireMock.equalTo(referralId))));
        assertEquals(1, sent.size());
        JsonNode signals = new ObjectMapper().readTree(sent.get(0).getBodyAsString()).path("signals");
        JsonNode variants = signals.path("pdqVariants");
        assertEquals(8, variants.size());
        for (int k = 0; k < 8; k++) {
            assertEquals(Neighbours.TRANSFORMS[k], variants.get(k).path("transform").asText());
            assertEquals(Neighbours.variant(pdq, k), variants.get(k).path("pdq").asText());
            assertEquals(2, variants.get(k).size(), "a variant is {transform, pdq}");
        }
        assertEquals(pdq, variants.get(0).path("pdq").asText());
    }

    @Test
    void hashingAnswerWithoutItsVariantsIsRetriedNotClassifiedWithout() throws Exception {
        byte[] png = Images.png();
        String pdq = "0123456789abcdef".repeat(4);
        StubMapping partial = Neighbours.server().stubFor(post(urlPathEqualTo("/api/v1/hashes")).atPriority(1)
                .withRequestBody(binaryEqualTo(png)).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"pdq\":\"%s\",\"quality\":90}".formatted(pdq))));
        String id;
        try {
            id = submitPng(png);
            Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    Neighbours.server().verify(WireMock.moreThanOrExactly(1),
                            postRequestedFor(urlPathEqualTo("/api/v1/hashes")).withRequestBody(binaryEqualTo(png))));
            given().auth().oauth2(GB_REFERRER).when().get("/api/v1/referrals/" + id).then().statusCode(200)
                    .body("status", equalTo("ACCEPTED")).body("signals.pdq", nullValue());
            Neighbours.server().verify(0, postRequestedFor(urlPathEqualTo("/api/v1/classifications"))
                    .withRequestBody(matchingJsonPath("$.referralId", WireMock.equalTo(id))));
        } finally {
            Neighbours.server().removeStub(partial);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(GB_REFERRER)
                .when().get("/api/v1/referrals/" + id).then().statusCode(200)
                .body("status", equalTo("CASE_OPENED"))
                .body("signals.pdq", equalTo(Neighbours.DEFAULT_PDQ)));
        assertHandsOffTheVariants(id, Neighbours.DEFAULT_PDQ);
    }

    @Test
    void hashingDownHoldsTheHandOffUntilItIsBack() {
        byte[] png = Images.png();
        StubMapping down = Neighbours.server().stubFor(post(urlPathEqualTo("/api/v1/hashes")).atPriority(1)
                .withRequestBody(binaryEqualTo(png)).willReturn(aResponse().withStatus(503)));
        String id;
        try {
            id = submitPng(png);
            Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    Neighbours.server().verify(com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly(1),
                            postRequestedFor(urlPathEqualTo("/api/v1/hashes")).withRequestBody(binaryEqualTo(png))));
            given().auth().oauth2(GB_REFERRER).when().get("/api/v1/referrals/" + id).then().statusCode(200)
                    .body("status", equalTo("ACCEPTED"));
        } finally {
            Neighbours.server().removeStub(down);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(GB_REFERRER)
                .when().get("/api/v1/referrals/" + id).then().statusCode(200)
                .body("status", equalTo("CASE_OPENED"))
                .body("signals.pdq", equalTo(Neighbours.DEFAULT_PDQ))
                .body("signals.pdqQuality", equalTo(100)));
    }

    @Test
    void imageClassifyCannotDecodeGoesOnWithoutPdq() {
        byte[] png = Images.png();
        StubMapping refused = Neighbours.server().stubFor(post(urlPathEqualTo("/api/v1/hashes")).atPriority(1)
                .withRequestBody(binaryEqualTo(png)).willReturn(aResponse().withStatus(422)
                        .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":422}")));
        try {
            String id = submitPng(png);
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(GB_REFERRER)
                    .when().get("/api/v1/referrals/" + id).then().statusCode(200)
                    .body("status", equalTo("CASE_OPENED"))
                    .body("signals.pdq", nullValue()));
        } finally {
            Neighbours.server().removeStub(refused);
        }
    }
}
