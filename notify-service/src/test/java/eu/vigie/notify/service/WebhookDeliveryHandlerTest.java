package eu.vigie.notify.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import eu.vigie.notify.Fixtures;
import eu.vigie.notify.WireMockNeighbours;
import eu.vigie.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(WireMockNeighbours.class)
class WebhookDeliveryHandlerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void signedWebhookIsTheReceiptAndCaseServiceIsTold() {
        String platform = Fixtures.uniqueId("signed");
        String secret = Fixtures.newSecret();
        Fixtures.registerPlatform(platform, secret);
        hookAnswers(platform, 204);
        UUID id = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        Instant before = Instant.now();

        Fixtures.notifyOrder(id, platform, order, "GB");

        List<LoggedRequest> calls = await().atMost(WAIT).until(() -> hookCalls(platform), c -> c.size() == 1);
        LoggedRequest call = calls.get(0);
        String timestamp = call.getHeader("webhook-timestamp");
        long seconds = Long.parseLong(timestamp);
        assertTrue(seconds >= before.getEpochSecond() - 1 && seconds <= Instant.now().getEpochSecond() + 1, timestamp);
        assertEquals(id.toString(), call.getHeader("webhook-id"));
        String signature = call.getHeader("webhook-signature");
        assertEquals(1, signature.split(" ").length, signature);
        assertTrue(verifies(signature, id.toString(), timestamp, call.getBodyAsString(), secret), signature);
        assertTrue(!verifies(signature, id.toString(), timestamp, call.getBodyAsString(), Fixtures.newSecret()));
        JsonPath body = JsonPath.from(call.getBodyAsString());
        assertEquals("removal_order.issued", body.getString("type"));
        assertEquals(order.toString(), body.getString("data.removalOrderId"));
        assertEquals(List.of("INCITEMENT"), body.getList("data.categories"));

        // Sent and acknowledged in one exchange: one call tells case-service of both, the receipt carrying its sending.
        List<JsonPath> events = await().atMost(WAIT).until(() -> deliveryEvents(order), e -> e.size() == 1);
        JsonPath event = events.get(0);
        assertEquals("RECEIVED", event.getString("type"));
        assertEquals("WEBHOOK", event.getString("channel"));
        assertEquals(id.toString(), event.getString("notificationId"));
        assertTrue(event.getString("eventId") != null && event.getString("deliveryId") != null);
        assertTrue(event.getString("sentEventId") != null && !event.getString("sentEventId").equals(event.getString("eventId")));
        Instant sentAt = Instant.parse(event.getString("sentAt"));
        assertTrue(!sentAt.isBefore(before) && !sentAt.isAfter(Instant.parse(event.getString("at"))), event.prettify());
        assertTrue(WireMockNeighbours.caseService
                .findAll(postRequestedFor(urlEqualTo("/api/v1/removal-orders/" + order + "/delivery-events")))
                .stream().allMatch(r -> r.getHeader("Authorization").startsWith("Bearer ")));

        given().auth().oauth2(TestTokens.admin()).queryParam("subjectId", order.toString())
                .queryParam("status", "DELIVERED")
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .body("items.channel", contains("WEBHOOK"))
                .body("items[0].target", equalTo(WireMockNeighbours.webhookUrl(platform)))
                .body("items[0].sentAt", notNullValue())
                .body("items[0].receivedAt", notNullValue())
                .body("items[0].attempts", hasSize(1))
                .body("items[0].attempts[0].statusCode", equalTo(204))
                .body("items[0].attempts[0].target", equalTo(WireMockNeighbours.webhookUrl(platform)))
                .body("items[0].attempts[0].error", nullValue());

        // A replay of the notification answers its current state and sends nothing again.
        given().auth().oauth2(TestTokens.service("case-service")).contentType(ContentType.JSON)
                .body(Fixtures.notification(id, "REMOVAL_ORDER", platform, order, "GB"))
                .when().post("/api/v1/notifications")
                .then().statusCode(202).body("status", equalTo("DELIVERED"));
        assertEquals(1, hookCalls(platform).size());
    }

    @Test
    void webhookDownThenUpIsRetriedAndGivesOneReceipt() {
        String platform = Fixtures.uniqueId("flaky");
        String secret = Fixtures.newSecret();
        Fixtures.registerPlatform(platform, secret);
        String path = "/hooks/" + platform;
        WireMockNeighbours.platforms.stubFor(post(urlEqualTo(path)).inScenario(platform).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("reset"));
        WireMockNeighbours.platforms.stubFor(post(urlEqualTo(path)).inScenario(platform).whenScenarioStateIs("reset")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        WireMockNeighbours.platforms.stubFor(post(urlEqualTo(path)).inScenario(platform).whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));
        UUID id = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        double refused = webhookAttempts("answered-other"), failed = webhookAttempts("failed"),
                accepted = webhookAttempts("answered-2xx");

        Fixtures.notifyOrder(id, platform, order, "GB");

        await().atMost(WAIT).until(() -> hookCalls(platform), c -> c.size() == 3);
        List<JsonPath> events = await().atMost(WAIT).until(() -> deliveryEvents(order), e -> e.size() == 2);
        assertEquals(List.of("SENT", "RECEIVED"), events.stream().map(e -> e.getString("type")).toList());
        // sent at the first attempt (answered 503), received at the third: the receipt carries no sending
        assertTrue(events.get(1).getString("sentEventId") == null && events.get(1).getString("sentAt") == null);
        // Every retry carries the same webhook-id, so the platform can de-duplicate, and a fresh valid signature.
        for (LoggedRequest call : hookCalls(platform)) {
            assertEquals(id.toString(), call.getHeader("webhook-id"));
            assertTrue(verifies(call.getHeader("webhook-signature"), id.toString(), call.getHeader("webhook-timestamp"),
                    call.getBodyAsString(), secret));
        }
        given().auth().oauth2(TestTokens.operator("auditor", "auditor")).queryParam("subjectId", order.toString())
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .body("items.channel", contains("INBOX", "WEBHOOK"))
                .body("items[1].status", equalTo("DELIVERED"))
                .body("items[1].attempts", hasSize(3))
                .body("items[1].attempts[0].statusCode", equalTo(503))
                .body("items[1].attempts[0].error", equalTo("HTTP 503"))
                .body("items[1].attempts[1].statusCode", nullValue())
                .body("items[1].attempts[1].error", org.hamcrest.Matchers.startsWith("connection failed"))
                .body("items[1].attempts[2].statusCode", equalTo(200))
                .body("items[0].status", equalTo("PENDING"));
        assertEquals(0, Fixtures.count("select count(*) from outbox_message where aggregate_key in ('" + id
                + "', 'webhook:" + id + "') and delivered_at is null"));
        assertEquals(3, hookCalls(platform).size());
        assertEquals(2, deliveryEvents(order).size());
        // Operators see the attempts too (other tests' retries may add to the counters, never take away).
        assertTrue(webhookAttempts("answered-other") >= refused + 1, "the 503 is counted");
        assertTrue(webhookAttempts("failed") >= failed + 1, "the reset connection is counted");
        assertTrue(webhookAttempts("answered-2xx") >= accepted + 1, "the 200 is counted");
    }

    /** vigie_notify_delivery_attempts_total of the webhook channel with this outcome, from /q/metrics. */
    private static double webhookAttempts(String outcome) {
        String metrics = given().accept("text/plain").when().get("/q/metrics").then().statusCode(200).extract().asString();
        return Arrays.stream(metrics.split("\n"))
                .filter(l -> l.startsWith("vigie_notify_delivery_attempts_total{") && l.contains("channel=\"WEBHOOK\"")
                        && l.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void duringRotationBothSecretsSign() {
        String platform = Fixtures.uniqueId("rotating");
        String oldSecret = Fixtures.newSecret();
        String newSecret = Fixtures.newSecret();
        Fixtures.registerPlatform(platform, oldSecret);
        hookAnswers(platform, 200);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"secret\":\"" + newSecret + "\"}")
                .when().post("/api/v1/platforms/" + platform + "/webhook-secret")
                .then().statusCode(200).body("previousWebhookSecretValidUntil", notNullValue());
        UUID id = UUID.randomUUID();

        Fixtures.notifyOrder(id, platform, UUID.randomUUID(), "GB");

        LoggedRequest call = await().atMost(WAIT).until(() -> hookCalls(platform), c -> c.size() == 1).get(0);
        String[] signatures = call.getHeader("webhook-signature").split(" ");
        assertEquals(2, signatures.length);
        String id0 = call.getHeader("webhook-id");
        String ts = call.getHeader("webhook-timestamp");
        assertTrue(verifies(signatures[0], id0, ts, call.getBodyAsString(), newSecret), "current secret signs first");
        assertTrue(verifies(signatures[1], id0, ts, call.getBodyAsString(), oldSecret), "previous secret still signs");
    }

    @Test
    void webhookGivenUpIsShownDeadAndTheInboxStillServes() {
        String platform = Fixtures.uniqueId("gone");
        Fixtures.registerPlatform(platform, Fixtures.newSecret());
        hookAnswers(platform, 500);
        UUID id = UUID.randomUUID();
        UUID order = UUID.randomUUID();

        Fixtures.notifyOrder(id, platform, order, "GB");
        await().atMost(WAIT).until(() -> hookCalls(platform), c -> !c.isEmpty());
        // The platform drops its webhook: retrying cannot succeed any more, so the delivery is given up.
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("""
                        {"name":"Gone","hostnames":["%s.test"],"email":"abuse@%s.test"}
                        """.formatted(platform, platform))
                .when().put("/api/v1/platforms/" + platform)
                .then().statusCode(200);

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.admin())
                .queryParam("subjectId", order.toString()).queryParam("status", "DEAD")
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .body("items.channel", contains("WEBHOOK"))
                .body("items[0].deadAt", notNullValue())
                .body("items[0].receivedAt", nullValue())
                .body("items[0].attempts[0].statusCode", equalTo(500)));
        given().auth().oauth2(TestTokens.platform(platform)).when().get("/api/v1/inbox")
                .then().statusCode(200).body("items.notificationId", contains(id.toString()));
    }

    @Test
    void targetIsCheckedAgainBeforeEveryAttempt() {
        String platform = Fixtures.uniqueId("rebound");
        Fixtures.registerPlatform(platform, Fixtures.newSecret());
        // As if the platform's name now resolved to a loopback address that is not allow-listed.
        String refused = "http://127.0.0.2:" + WireMockNeighbours.platforms.port() + "/hooks/" + platform;
        assertEquals(1, Fixtures.update("update platform set webhook_url = '" + refused + "' where id = '" + platform + "'"));
        UUID order = UUID.randomUUID();

        Fixtures.notifyOrder(UUID.randomUUID(), platform, order, "GB");

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.admin())
                .queryParam("subjectId", order.toString()).queryParam("status", "PENDING")
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .body("items.channel", contains("INBOX", "WEBHOOK"))
                .body("items[1].attempts.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(2))
                .body("items[1].attempts[0].target", equalTo(refused))
                .body("items[1].attempts[0].statusCode", nullValue())
                .body("items[1].attempts[0].error", org.hamcrest.Matchers.startsWith("target refused"))
                .body("items[1].sentAt", nullValue()));
        assertTrue(hookCalls(platform).isEmpty());
        assertTrue(deliveryEvents(order).isEmpty(), "nothing was sent, so case-service hears nothing");
    }

    private static void hookAnswers(String platform, int status) {
        WireMockNeighbours.platforms.stubFor(post(urlEqualTo("/hooks/" + platform))
                .willReturn(aResponse().withStatus(status)));
    }

    static List<LoggedRequest> hookCalls(String platform) {
        return WireMockNeighbours.platforms.findAll(postRequestedFor(urlEqualTo("/hooks/" + platform)));
    }

    static List<JsonPath> deliveryEvents(UUID order) {
        return WireMockNeighbours.caseService
                .findAll(postRequestedFor(urlEqualTo("/api/v1/removal-orders/" + order + "/delivery-events")))
                .stream().map(r -> JsonPath.from(r.getBodyAsString())).toList();
    }

    /** Standard Webhooks verification, as a platform does it: HMAC-SHA256 over id.timestamp.body with the decoded secret. */
    static boolean verifies(String header, String id, String timestamp, String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return Arrays.asList(header.split(" ")).contains(expected);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
