package eu.vigie.cases.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static eu.vigie.cases.Fixtures.FR_ISSUER;
import static eu.vigie.cases.Fixtures.GB_ISSUER;
import static eu.vigie.cases.Fixtures.GB_REFERRER;
import static eu.vigie.cases.Fixtures.GB_REGULATOR;
import static eu.vigie.cases.Fixtures.GB_REVIEWER;
import static eu.vigie.cases.Fixtures.assess;
import static eu.vigie.cases.Fixtures.assessment;
import static eu.vigie.cases.Fixtures.contentKey;
import static eu.vigie.cases.Fixtures.intake;
import static eu.vigie.cases.Fixtures.issue;
import static eu.vigie.cases.Fixtures.referral;
import static eu.vigie.cases.Fixtures.sql;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import eu.vigie.cases.IngestServiceMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class CaseClosureTest {

    @AfterEach
    void restore() {
        IngestServiceMock.up();
    }

    private static ValidatableResponse close(String token, String caseId, String reasons) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(reasons == null ? "{}" : "{\"reasons\":\"" + reasons + "\"}")
                .when().post("/api/v1/cases/{id}/closure", caseId).then();
    }

    private static String status(String caseId) throws Exception {
        return (String) sql("SELECT status FROM vigie_case WHERE id = '" + caseId + "'");
    }

    private static int caseClosedCalls(String sha256, String caseId) {
        return IngestServiceMock.server().findAll(postRequestedFor(urlEqualTo("/api/v1/evidence/" + sha256 + "/case-closed"))
                .withRequestBody(matchingJsonPath("$.caseId", equalTo(caseId)))
                .withRequestBody(matchingJsonPath("$.closedAt"))).size();
    }

    @Test
    void aCaseWhoseOrdersAreFinalClosesAndIngestHearsOfItsEvidence() throws Exception {
        String key = contentKey();
        String caseId = intake(referral(UUID.randomUUID(), "GB", "CTIRU", key, "CRISIS", 0.7)).statusCode(201)
                .extract().path("caseId");
        assess(GB_REVIEWER, caseId, assessment("TERRORIST_CONTENT", "[\"INCITEMENT\"]")).statusCode(200);
        String orderId = issue(GB_ISSUER, caseId, "{}").statusCode(201).extract().path("id");
        close(GB_ISSUER, caseId, "Done").statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(GB_ISSUER).contentType(ContentType.JSON).body("{\"reasons\":\"Wrong URL\"}")
                .when().post("/api/v1/removal-orders/{id}/withdrawal", orderId).then().statusCode(200);

        close(GB_ISSUER, caseId, "Order withdrawn; nothing left to do").statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CLOSED"))
                .body("closure.closedBy", org.hamcrest.Matchers.equalTo("gb:gb-issuer"))
                .body("closure.reasons", org.hamcrest.Matchers.equalTo("Order withdrawn; nothing left to do"))
                .body("closure.closedAt", notNullValue())
                .body("history.action", hasItem("CASE_CLOSED"));
        String sha256 = key.substring("sha256:".length());
        await().atMost(Duration.ofSeconds(20)).until(() -> caseClosedCalls(sha256, caseId) == 1);

        // Final: a second closure, an assessment, an order are refused and change nothing.
        close(GB_REVIEWER, caseId, "again").statusCode(409);
        assess(GB_REVIEWER, caseId, assessment("NOT_TERRORIST_CONTENT", "[]")).statusCode(409);
        issue(GB_ISSUER, caseId, "{}").statusCode(409);
        assertEquals("CLOSED", status(caseId));
        assertEquals("1", sql("SELECT count(*) FROM audit_record WHERE case_id = '" + caseId
                + "' AND action = 'CASE_CLOSED'").toString());

        // The same content referred again opens a new case.
        String reopened = intake(referral(UUID.randomUUID(), "GB", "CTIRU", key, "CRISIS", 0.7)).statusCode(201)
                .extract().path("caseId");
        assertNotEquals(caseId, reopened);
        assertEquals("OPEN", status(reopened));
    }

    @Test
    void aCaseNotYetDecidedOrWithAnOrderInForceStaysOpen() throws Exception {
        String unassessed = eu.vigie.cases.Fixtures.gbCase("CRISIS", 0.5);
        close(GB_REVIEWER, unassessed, "No longer relevant").statusCode(409).contentType("application/problem+json");
        assertEquals("OPEN", status(unassessed));

        String unclear = eu.vigie.cases.Fixtures.gbCase("CRISIS", 0.5);
        assess(GB_REVIEWER, unclear, assessment("NEEDS_INFORMATION", "[]")).statusCode(200);
        close(GB_REVIEWER, unclear, "Cannot tell").statusCode(409);
        assertEquals("NEEDS_INFORMATION", status(unclear));

        String withOrder = eu.vigie.cases.Fixtures.confirmedGbCase();
        issue(GB_ISSUER, withOrder, "{}").statusCode(201);
        close(GB_ISSUER, withOrder, "Done").statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("ISSUED"));
        assertEquals("ACTIONED", status(withOrder));
        assertEquals("0", sql("SELECT count(*) FROM outbox_message WHERE topic = 'case.closed' AND aggregate_key IN ('"
                + unassessed + "','" + unclear + "','" + withOrder + "')").toString());
    }

    @Test
    void onlyTheOwnersReviewersAndIssuersCloseWithReasons() throws Exception {
        String caseId = eu.vigie.cases.Fixtures.gbCase("PROMOTIONAL", 0.2);
        assess(GB_REVIEWER, caseId, assessment("NOT_TERRORIST_CONTENT", "[]")).statusCode(200);
        given().contentType(ContentType.JSON).body("{\"reasons\":\"x\"}").when()
                .post("/api/v1/cases/{id}/closure", caseId).then().statusCode(401).contentType("application/problem+json");
        close(GB_REFERRER, caseId, "x").statusCode(403).contentType("application/problem+json");
        close(GB_REGULATOR, caseId, "x").statusCode(403);
        close(FR_ISSUER, caseId, "x").statusCode(404).contentType("application/problem+json");
        close(GB_REVIEWER, caseId, null).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("reasons"));
        close(GB_REVIEWER, caseId, "   ").statusCode(400);
        assertEquals("REJECTED", status(caseId));

        close(GB_REVIEWER, caseId, "Not terrorist content: satire").statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CLOSED"));
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/review-queue?limit=200").then().statusCode(200)
                .body("id", not(hasItem(caseId)));
    }

    @Test
    void ingestDownTheCaseClosedNoticeIsRetriedAndDeliveredOnce() throws Exception {
        String key = contentKey();
        String caseId = intake(referral(UUID.randomUUID(), "GB", "CTIRU", key, "PROMOTIONAL", 0.2)).statusCode(201)
                .extract().path("caseId");
        assess(GB_REVIEWER, caseId, assessment("NOT_TERRORIST_CONTENT", "[]")).statusCode(200);
        String sha256 = key.substring("sha256:".length());
        IngestServiceMock.down();
        close(GB_REVIEWER, caseId, "Not terrorist content").statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> caseClosedCalls(sha256, caseId) >= 2);
        assertEquals("0", sql("SELECT count(*) FROM outbox_message WHERE aggregate_key = '" + caseId
                + "' AND topic = 'case.closed' AND delivered_at IS NOT NULL").toString());
        IngestServiceMock.up();
        await().atMost(Duration.ofSeconds(30)).until(() -> sql("SELECT count(*) FROM outbox_message WHERE aggregate_key = '"
                + caseId + "' AND topic = 'case.closed' AND delivered_at IS NOT NULL").toString().equals("1"));
        int calls = caseClosedCalls(sha256, caseId);
        Thread.sleep(1500);
        assertEquals(calls, caseClosedCalls(sha256, caseId), "delivered once, not again");
        IngestServiceMock.server().verify(WireMock.moreThanOrExactly(1),
                postRequestedFor(urlEqualTo("/api/v1/evidence/" + sha256 + "/case-closed")));
    }
}
