package eu.vigie.notify.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.vigie.notify.Fixtures;
import eu.vigie.notify.WireMockNeighbours;
import eu.vigie.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(WireMockNeighbours.class)
class FeedbackResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A platform with an order notified to it; returns the order id. */
    private static UUID orderFor(String platform) {
        Fixtures.registerPlatform(platform, null);
        UUID order = UUID.randomUUID();
        Fixtures.notifyOrder(UUID.randomUUID(), platform, order, "GB");
        return order;
    }

    private static String annexII(Instant actionAt) {
        return """
                {"form":"ANNEX_II","action":"REMOVED","actionAt":"%s","reference":"TKT-1"}
                """.formatted(actionAt);
    }

    @Test
    void annexIIIsStoredAndForwardedToCaseService() {
        String platform = Fixtures.uniqueId("compliant");
        UUID order = orderFor(platform);
        Instant actionAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        String id = given().auth().oauth2(TestTokens.platform(platform)).contentType(ContentType.JSON)
                .body(annexII(actionAt))
                .when().post("/api/v1/removal-orders/" + order + "/feedback")
                .then().statusCode(202)
                .body("id", notNullValue())
                .body("receivedAt", notNullValue())
                .extract().path("id");

        JsonPath forwarded = await().atMost(WAIT).until(() -> feedbackCalls(order), c -> c.size() == 1).get(0);
        assertEquals(id, forwarded.getString("feedbackId"));
        assertEquals(platform, forwarded.getString("platformId"));
        assertEquals("ANNEX_II", forwarded.getString("form"));
        assertEquals("REMOVED", forwarded.getString("action"));
        assertEquals(actionAt, Instant.parse(forwarded.getString("actionAt")));
        assertEquals("TKT-1", forwarded.getString("reference"));
        assertNull(forwarded.get("reason"));
    }

    @Test
    void annexIIIIsForwardedWithItsReason() {
        String platform = Fixtures.uniqueId("obstacle");
        UUID order = orderFor(platform);
        given().auth().oauth2(TestTokens.platform(platform)).contentType(ContentType.JSON)
                .body("""
                        {"form":"ANNEX_III","reason":"INSUFFICIENT_INFORMATION",
                         "explanation":"The URL lists no video id","clarificationRequested":true}
                        """)
                .when().post("/api/v1/removal-orders/" + order + "/feedback")
                .then().statusCode(202);
        JsonPath forwarded = await().atMost(WAIT).until(() -> feedbackCalls(order), c -> c.size() == 1).get(0);
        assertEquals("ANNEX_III", forwarded.getString("form"));
        assertEquals("INSUFFICIENT_INFORMATION", forwarded.getString("reason"));
        assertEquals("The URL lists no video id", forwarded.getString("explanation"));
        assertEquals(true, forwarded.getBoolean("clarificationRequested"));
    }

    @Test
    void anotherPlatformCannotAnswerTheOrder() {
        String platform = Fixtures.uniqueId("addressee");
        UUID order = orderFor(platform);
        String other = Fixtures.uniqueId("bystander");
        Fixtures.registerPlatform(other, null);

        given().auth().oauth2(TestTokens.platform(other)).contentType(ContentType.JSON).body(annexII(Instant.now()))
                .when().post("/api/v1/removal-orders/" + order + "/feedback")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.platform(platform)).contentType(ContentType.JSON).body(annexII(Instant.now()))
                .when().post("/api/v1/removal-orders/" + UUID.randomUUID() + "/feedback")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.gb("officer", "issuer")).contentType(ContentType.JSON).body(annexII(Instant.now()))
                .when().post("/api/v1/removal-orders/" + order + "/feedback")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(annexII(Instant.now()))
                .when().post("/api/v1/removal-orders/" + order + "/feedback")
                .then().statusCode(401);
        assertEquals(0, Fixtures.count("select count(*) from feedback where removal_order_id = '" + order + "'"));
    }

    @Test
    void badFeedbackIsRefusedAndStoresNothing() {
        String platform = Fixtures.uniqueId("sloppy");
        UUID order = orderFor(platform);
        String token = TestTokens.platform(platform);
        String path = "/api/v1/removal-orders/" + order + "/feedback";

        record Case(String body, String field) {
        }
        List<Case> cases = List.of(
                new Case("{\"action\":\"REMOVED\",\"actionAt\":\"" + Instant.now() + "\"}", "form"),
                new Case("{\"form\":\"ANNEX_IV\"}", "form"),
                new Case("{\"form\":\"ANNEX_II\",\"actionAt\":\"" + Instant.now() + "\"}", "action"),
                new Case("{\"form\":\"ANNEX_II\",\"action\":\"DELETED\",\"actionAt\":\"" + Instant.now() + "\"}", "action"),
                new Case("{\"form\":\"ANNEX_II\",\"action\":\"REMOVED\"}", "actionAt"),
                new Case(annexII(Instant.now().plus(1, ChronoUnit.HOURS)), "actionAt"),
                new Case(annexII(Instant.now().minus(1, ChronoUnit.DAYS)), "actionAt"),
                new Case("{\"form\":\"ANNEX_II\",\"action\":\"REMOVED\",\"actionAt\":\"yesterday\"}", "actionAt"),
                new Case("{\"form\":\"ANNEX_III\",\"reason\":\"FORCE_MAJEURE\"}", "explanation"),
                new Case("{\"form\":\"ANNEX_III\",\"reason\":\"FORCE_MAJEURE\",\"explanation\":\"   \"}", "explanation"),
                new Case("{\"form\":\"ANNEX_III\",\"explanation\":\"Power cut\"}", "reason"));
        for (Case c : cases) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(c.body())
                    .when().post(path)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem(c.field()));
        }
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"form\":\"ANNEX_III\",\"reason\":\"FORCE_MAJEURE\",\"explanation\":\"x\",\"action\":\"REMOVED\"}")
                .when().post(path)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"form\":")
                .when().post(path)
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(0, Fixtures.count("select count(*) from feedback where removal_order_id = '" + order + "'"));
    }

    @Test
    void idempotencyKeyReplaysTheSameReceipt() {
        String platform = Fixtures.uniqueId("retrier");
        UUID order = orderFor(platform);
        String token = TestTokens.platform(platform);
        String body = annexII(Instant.now());
        String path = "/api/v1/removal-orders/" + order + "/feedback";

        JsonPath first = given().auth().oauth2(token).header("Idempotency-Key", "fb-1").contentType(ContentType.JSON)
                .body(body).when().post(path).then().statusCode(202).extract().jsonPath();
        given().auth().oauth2(token).header("Idempotency-Key", "fb-1").contentType(ContentType.JSON)
                .body(body).when().post(path)
                .then().statusCode(202)
                .body("id", equalTo(first.getString("id")))
                .body("receivedAt", equalTo(first.getString("receivedAt")));
        given().auth().oauth2(token).header("Idempotency-Key", "fb-1").contentType(ContentType.JSON)
                .body(body.replace("REMOVED", "DISABLED")).when().post(path)
                .then().statusCode(422).contentType("application/problem+json");

        assertEquals(1, Fixtures.count("select count(*) from feedback where removal_order_id = '" + order + "'"));
        assertEquals(1, Fixtures.count("select count(*) from outbox_message where topic = 'feedback.received'"
                + " and payload like '%" + order + "%'"));
    }

    @Test
    void caseServiceDownIsRetriedUntilItTakesTheFeedback() {
        String platform = Fixtures.uniqueId("patient");
        UUID order = orderFor(platform);
        String path = "/api/v1/removal-orders/" + order + "/feedback";
        WireMockNeighbours.caseService.stubFor(post(urlEqualTo(path)).atPriority(1).inScenario(path)
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("still down"));
        WireMockNeighbours.caseService.stubFor(post(urlEqualTo(path)).atPriority(1).inScenario(path)
                .whenScenarioStateIs("still down").willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        WireMockNeighbours.caseService.stubFor(post(urlEqualTo(path)).atPriority(1).inScenario(path)
                .whenScenarioStateIs("up").willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody("{\"status\":\"COMPLIED\"}")));

        String id = given().auth().oauth2(TestTokens.platform(platform)).contentType(ContentType.JSON)
                .body(annexII(Instant.now())).when().post(path)
                .then().statusCode(202).extract().path("id");

        List<JsonPath> calls = await().atMost(WAIT).until(() -> feedbackCalls(order), c -> c.size() == 3);
        calls.forEach(c -> assertEquals(id, c.getString("feedbackId")));
        await().atMost(WAIT).until(() -> Fixtures.count("select count(*) from outbox_message where topic = 'feedback.received'"
                + " and payload like '%" + order + "%' and delivered_at is not null") == 1);
        assertEquals(3, feedbackCalls(order).size());
    }

    static List<JsonPath> feedbackCalls(UUID order) {
        return WireMockNeighbours.caseService
                .findAll(postRequestedFor(urlEqualTo("/api/v1/removal-orders/" + order + "/feedback")))
                .stream().map(r -> JsonPath.from(r.getBodyAsString())).toList();
    }
}
