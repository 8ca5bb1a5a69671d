package eu.vigie.ingest.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import eu.vigie.common.outbox.OutboxMessage;
import eu.vigie.ingest.Images;
import eu.vigie.ingest.Neighbours;
import eu.vigie.ingest.Referral;
import eu.vigie.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Referrals of the same content by canonical URL or by SHA-256 form one group: a later referral joins the group of
 * the earliest one, is handed to case-service under that group's content key (the first referral's), and, from
 * another jurisdiction, learns of the case through the deconfliction block only.
 */
@QuarkusTest
class ContentGroupTest {

    static final String GB_REFERRER = TestTokens.gb("gb-referrer", "referrer");
    static final String FR_REFERRER = TestTokens.fr("fr-referrer", "referrer");

    private static ValidatableResponse submit(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/referrals").then();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** case-service stood in for this content: the case {@code caseId}, owned by GB, for the content key only. */
    private static StubMapping caseOf(String contentKey, UUID caseId) {
        return Neighbours.server().stubFor(post(urlPathEqualTo("/api/v1/intake/referrals")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.contentKey", WireMock.equalTo(contentKey)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"caseId":"%s","created":false,"ownerJurisdiction":"GB","status":"OPEN"}""".formatted(caseId))));
    }

    private static void awaitCase(String token, String id, UUID caseId) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(token)
                .when().get("/api/v1/referrals/" + id).then().statusCode(200)
                .body("status", equalTo("CASE_OPENED"))
                .body("caseId", equalTo(caseId.toString())));
    }

    /** The referral was handed to case-service under {@code contentKey}, and to classify-service with its jurisdiction. */
    private static void verifyHandOff(String referralId, String contentKey, String jurisdiction) {
        Neighbours.server().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/intake/referrals"))
                .withRequestBody(matchingJsonPath("$.referralId", WireMock.equalTo(referralId)))
                .withRequestBody(matchingJsonPath("$.contentKey", WireMock.equalTo(contentKey))));
        Neighbours.server().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/classifications"))
                .withRequestBody(matchingJsonPath("$.referralId", WireMock.equalTo(referralId)))
                .withRequestBody(matchingJsonPath("$.jurisdiction", WireMock.equalTo(jurisdiction))));
    }

    /** The answer tells of the GB case (id, owner, agency, status) and nothing more; the new referral's id. */
    private static String assertToldOfGbCaseOnly(ValidatableResponse answer, UUID caseId, String gbId) {
        String body = answer.statusCode(201)
                .body("duplicateOf", nullValue())
                .body("deconfliction.caseId", equalTo(caseId.toString()))
                .body("deconfliction.ownerJurisdiction", equalTo("GB"))
                .body("deconfliction.ownerAgency", equalTo("CTIRU"))
                .body("deconfliction.status", equalTo("OPEN"))
                .body("deconfliction.size()", equalTo(4))
                .extract().asString();
        assertFalse(body.contains(gbId), "the answer names no GB referral");
        return JsonPath.from(body).getString("id");
    }

    private static String image(String url, byte[] png) {
        return """
                {"url":"%s","contentType":"IMAGE","media":{"mediaType":"image/png","dataBase64":"%s"}}
                """.formatted(url, Base64.getEncoder().encodeToString(png));
    }

    /**
     * Submissions arriving together are written together (group commit), but two of the same content never in one
     * transaction: of twelve concurrent referrals of one new URL, exactly one is the original and the eleven others
     * name it as their duplicate and join its group; twelve concurrent referrals of distinct URLs are each their own
     * group; every one of the 24 is stored with exactly one hand-off.
     */
    @Test
    void concurrentReferralsOfOneUrlHaveOneOriginalWhileOthersAreWrittenBesideThem() throws Exception {
        String same = "https://together.example/" + UUID.randomUUID();
        var pool = Executors.newFixedThreadPool(24);
        List<Future<JsonPath>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                String distinct = "https://apart.example/" + UUID.randomUUID();
                answers.add(pool.submit(() -> submit(GB_REFERRER, "{\"url\":\"" + same + "\"}").statusCode(201)
                        .extract().jsonPath()));
                answers.add(pool.submit(() -> submit(GB_REFERRER, "{\"url\":\"" + distinct + "\"}").statusCode(201)
                        .extract().jsonPath()));
            }
            List<JsonPath> sameUrl = new ArrayList<>();
            List<JsonPath> distinctUrls = new ArrayList<>();
            for (var answer : answers) {
                JsonPath body = answer.get(60, TimeUnit.SECONDS);
                (body.getString("canonicalUrl").equals(same) ? sameUrl : distinctUrls).add(body);
            }
            List<String> originals = sameUrl.stream().filter(b -> b.getString("duplicateOf") == null)
                    .map(b -> b.getString("id")).toList();
            assertEquals(1, originals.size(), "originals among " + sameUrl.size());
            for (JsonPath body : sameUrl) {
                if (!body.getString("id").equals(originals.get(0))) {
                    assertEquals(originals.get(0), body.getString("duplicateOf"));
                }
            }
            assertEquals(12, distinctUrls.size());
            distinctUrls.forEach(b -> assertNull(b.getString("duplicateOf")));
            Set<String> groups = new HashSet<>();
            for (var answer : answers) {
                String id = answer.get().getString("id");
                groups.add(QuarkusTransaction.requiringNew()
                        .call(() -> Referral.<Referral>findById(UUID.fromString(id)).groupContentKey));
                assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("aggregateKey", id)),
                        "hand-offs of " + id);
            }
            assertEquals(13, groups.size(), "one group for the shared URL, 12 apart");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void urlOnlyReferralOfContentAnotherJurisdictionReportedWithBytesJoinsItsCase() throws Exception {
        String path = "/watch/" + UUID.randomUUID();
        byte[] png = Images.png();
        String key = "sha256:" + sha256(png);
        UUID caseId = UUID.randomUUID();
        StubMapping stub = caseOf(key, caseId);
        try {
            String gbId = submit(GB_REFERRER, image("https://group.example" + path, png)).statusCode(201)
                    .body("deconfliction", nullValue()).extract().path("id");
            awaitCase(GB_REFERRER, gbId, caseId);
            verifyHandOff(gbId, key, "GB");

            // France reports the same URL, spelled otherwise, without the bytes: it joins the GB group.
            String frId = assertToldOfGbCaseOnly(
                    submit(FR_REFERRER, "{\"url\":\"HTTPS://GROUP.example" + path + "?utm_source=x\"}"), caseId, gbId);
            awaitCase(FR_REFERRER, frId, caseId);
            verifyHandOff(frId, key, "FR");
            String read = given().auth().oauth2(FR_REFERRER).when().get("/api/v1/referrals/" + frId).then()
                    .statusCode(200)
                    .body("deconfliction.caseId", equalTo(caseId.toString()))
                    .body("deconfliction.ownerJurisdiction", equalTo("GB"))
                    .body("deconfliction.ownerAgency", equalTo("CTIRU"))
                    .body("duplicateOf", nullValue())
                    .extract().asString();
            assertFalse(read.contains(gbId), "France's referral names no GB referral");
        } finally {
            Neighbours.server().removeStub(stub);
        }
    }

    @Test
    void sameBytesAtAnotherUrlJoinTheCaseAndSoDoesThatUrlAfterwards() throws Exception {
        byte[] png = Images.png();
        String key = "sha256:" + sha256(png);
        UUID caseId = UUID.randomUUID();
        StubMapping stub = caseOf(key, caseId);
        try {
            String gbId = submit(GB_REFERRER, image("https://first.example/watch/" + UUID.randomUUID(), png))
                    .statusCode(201).extract().path("id");
            awaitCase(GB_REFERRER, gbId, caseId);

            // The same bytes re-uploaded elsewhere, reported by France.
            String elsewhere = "https://mirror.example/watch/" + UUID.randomUUID();
            String frBytes = assertToldOfGbCaseOnly(submit(FR_REFERRER, image(elsewhere, png)), caseId, gbId);
            awaitCase(FR_REFERRER, frBytes, caseId);
            verifyHandOff(frBytes, key, "FR");

            // That other URL, reported without bytes: the same group, through France's referral; within France it is
            // a duplicate of France's own referral.
            String frUrl = submit(FR_REFERRER, "{\"url\":\"" + elsewhere + "\"}").statusCode(201)
                    .body("duplicateOf", equalTo(frBytes))
                    .body("deconfliction.caseId", equalTo(caseId.toString()))
                    .body("deconfliction.ownerJurisdiction", equalTo("GB"))
                    .extract().path("id");
            awaitCase(FR_REFERRER, frUrl, caseId);
            verifyHandOff(frUrl, key, "FR");
        } finally {
            Neighbours.server().removeStub(stub);
        }
    }

    @Test
    void contentFirstReportedByUrlKeepsThatKeyWhenItsBytesArrive() throws Exception {
        String url = "https://urlfirst.example/watch/" + UUID.randomUUID();
        String key = "url:" + url;
        UUID caseId = UUID.randomUUID();
        StubMapping stub = caseOf(key, caseId);
        try {
            String first = submit(GB_REFERRER, "{\"url\":\"" + url + "\"}").statusCode(201).extract().path("id");
            awaitCase(GB_REFERRER, first, caseId);
            String withBytes = submit(GB_REFERRER, image(url, Images.png())).statusCode(201)
                    .body("duplicateOf", equalTo(first))
                    .body("deconfliction", nullValue())
                    .extract().path("id");
            awaitCase(GB_REFERRER, withBytes, caseId);
            verifyHandOff(withBytes, key, "GB");
        } finally {
            Neighbours.server().removeStub(stub);
        }
    }
}
