package eu.vigie.notify.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.vigie.notify.Fixtures;
import eu.vigie.notify.WireMockNeighbours;
import eu.vigie.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The platform's webhook misbehaves (slow, redirecting) or notify-service stops mid-retries. */
@QuarkusTest
@WithTestResource(WireMockNeighbours.class)
class WebhookHardeningTest {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @Test
    void slowAnswerIsATimedOutAttemptAndIsRetried() {
        String platform = Fixtures.uniqueId("slow");
        Fixtures.registerPlatform(platform, Fixtures.newSecret());
        // Slower than vigie.notify.webhook-timeout (2 s in tests), even though it would answer 200.
        WireMockNeighbours.platforms.stubFor(post(urlEqualTo("/hooks/" + platform))
                .willReturn(aResponse().withStatus(200).withFixedDelay(5000)));
        UUID order = UUID.randomUUID();

        Fixtures.notifyOrder(UUID.randomUUID(), platform, order, "GB");

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.admin())
                .queryParam("subjectId", order.toString()).queryParam("status", "PENDING")
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .body("items.channel", contains("INBOX", "WEBHOOK"))
                .body("items[1].attempts.size()", greaterThanOrEqualTo(2))
                .body("items[1].attempts[0].statusCode", nullValue())
                .body("items[1].attempts[0].error", equalTo("timed out after 2000 ms"))
                .body("items[1].attempts[0].latencyMs", greaterThanOrEqualTo(1900))
                .body("items[1].receivedAt", nullValue()));
        // A late 200 of a timed-out attempt is not a receipt; a prompt one is.
        WireMockNeighbours.platforms.stubFor(post(urlEqualTo("/hooks/" + platform)).willReturn(aResponse().withStatus(200)));
        await().atMost(WAIT).until(() -> status(order, "WEBHOOK"), "DELIVERED"::equals);
    }

    @Test
    void redirectIsNotFollowedAndIsNotAReceipt() {
        String platform = Fixtures.uniqueId("redirect");
        Fixtures.registerPlatform(platform, Fixtures.newSecret());
        String elsewhere = "/hooks/" + platform + "-elsewhere";
        WireMockNeighbours.platforms.stubFor(post(urlEqualTo("/hooks/" + platform))
                .willReturn(aResponse().withStatus(307).withHeader("Location",
                        "http://127.0.0.1:" + WireMockNeighbours.platforms.port() + elsewhere)));
        UUID order = UUID.randomUUID();

        Fixtures.notifyOrder(UUID.randomUUID(), platform, order, "GB");

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.admin())
                .queryParam("subjectId", order.toString()).queryParam("status", "PENDING")
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .body("items.channel", contains("INBOX", "WEBHOOK"))
                .body("items[1].attempts.size()", greaterThanOrEqualTo(2))
                .body("items[1].attempts[0].statusCode", equalTo(307))
                .body("items[1].attempts[0].error", equalTo("HTTP 307"))
                .body("items[1].receivedAt", nullValue()));
        assertTrue(WireMockNeighbours.platforms.findAll(postRequestedFor(urlEqualTo(elsewhere))).isEmpty(),
                "the redirect target was never called");
        assertTrue(WebhookDeliveryHandlerTest.deliveryEvents(order).stream()
                .noneMatch(e -> e.getString("type").equals("RECEIVED")), "a redirect is no receipt");
    }

    @Test
    void inboxAcknowledgementReachesCaseServiceWhileTheWebhookKeepsFailing() {
        String platform = Fixtures.uniqueId("ackfirst");
        Fixtures.registerPlatform(platform, Fixtures.newSecret());
        WireMockNeighbours.platforms.stubFor(post(urlEqualTo("/hooks/" + platform)).willReturn(aResponse().withStatus(503)));
        UUID id = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        Fixtures.notifyOrder(id, platform, order, "GB");
        await().atMost(WAIT).until(() -> attempts(id) >= 1);
        String item = Fixtures.sql("select id from inbox_item where notification_id = '" + id + "'").toString();

        given().auth().oauth2(TestTokens.platform(platform)).when().post("/api/v1/inbox/" + item + "/ack")
                .then().statusCode(200);

        List<JsonPath> events = await().atMost(WAIT).until(() -> WebhookDeliveryHandlerTest.deliveryEvents(order),
                e -> e.stream().anyMatch(j -> j.getString("type").equals("RECEIVED")));
        assertEquals("INBOX", events.stream().filter(j -> j.getString("type").equals("RECEIVED")).findFirst()
                .orElseThrow().getString("channel"));
        assertEquals(0, Fixtures.count("select count(*) from outbox_message where aggregate_key = 'webhook:" + id
                + "' and delivered_at is not null"), "the webhook is still being retried");
    }

    @Test
    void stateIsInPostgresqlSoAnExpiredClaimIsTakenAgainAndTheDeliveryResumes() {
        String platform = Fixtures.uniqueId("restart");
        Fixtures.registerPlatform(platform, Fixtures.newSecret());
        WireMockNeighbours.platforms.stubFor(post(urlEqualTo("/hooks/" + platform)).willReturn(aResponse().withStatus(503)));
        UUID id = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        Fixtures.notifyOrder(id, platform, order, "GB");
        await().atMost(WAIT).until(() -> attempts(id) >= 2);
        WireMockNeighbours.platforms.stubFor(post(urlEqualTo("/hooks/" + platform)).willReturn(aResponse().withStatus(200)));

        // A replica claims the message and dies before recording anything: its claim holds for an hour.
        await().atMost(WAIT).until(() -> Fixtures.update("update outbox_message set claimed_until = now() + interval '1 hour',"
                + " next_attempt_at = now() where aggregate_key = 'webhook:" + id + "' and delivered_at is null"
                + " and claimed_until is null") == 1);
        long attemptsAtCrash = attempts(id);
        int callsAtCrash = WebhookDeliveryHandlerTest.hookCalls(platform).size();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> WebhookDeliveryHandlerTest.hookCalls(platform).size() == callsAtCrash);
        assertEquals("PENDING", status(order, "WEBHOOK"), "nobody else takes a claimed message");

        // The claim expires: the relay takes the message again and the delivery resumes where it was.
        assertEquals(1, Fixtures.update("update outbox_message set claimed_until = now() - interval '1 second'"
                + " where aggregate_key = 'webhook:" + id + "'"));

        await().atMost(WAIT).until(() -> status(order, "WEBHOOK"), "DELIVERED"::equals);
        assertEquals(attemptsAtCrash + 1, attempts(id));
        given().auth().oauth2(TestTokens.admin()).queryParam("subjectId", order.toString())
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .body("items[1].attempts[0].statusCode", equalTo(503))
                .body("items[1].attempts[-1].statusCode", equalTo(200));
        await().atMost(WAIT).until(() -> WebhookDeliveryHandlerTest.deliveryEvents(order),
                e -> e.stream().anyMatch(j -> j.getString("type").equals("RECEIVED")));
    }

    private static long attempts(UUID notification) {
        return Fixtures.count("select count(*) from delivery_attempt a join delivery d on d.id = a.delivery_id"
                + " where d.channel = 'WEBHOOK' and d.notification_id = '" + notification + "'");
    }

    private static String status(UUID order, String channel) {
        return (String) Fixtures.sql("select d.status from delivery d join notification n on n.id = d.notification_id"
                + " where n.subject_id = '" + order + "' and d.channel = '" + channel + "'");
    }
}
