package eu.vigie.notify.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import eu.vigie.notify.Fixtures;
import eu.vigie.notify.WireMockNeighbours;
import eu.vigie.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(WireMockNeighbours.class)
class InboxResourceTest {

    @Test
    void eachPlatformSeesOnlyItsOwnInbox() {
        String alpha = Fixtures.uniqueId("alpha");
        String beta = Fixtures.uniqueId("beta");
        Fixtures.registerPlatform(alpha, null);
        Fixtures.registerPlatform(beta, null);
        UUID forAlpha = UUID.randomUUID();
        UUID forBeta = UUID.randomUUID();
        UUID alphaOrder = UUID.randomUUID();
        Fixtures.notifyOrder(forAlpha, alpha, alphaOrder, "GB");
        Fixtures.notifyOrder(forBeta, beta, UUID.randomUUID(), "FR");

        given().auth().oauth2(TestTokens.platform(alpha)).when().get("/api/v1/inbox")
                .then().statusCode(200)
                .body("items.notificationId", contains(forAlpha.toString()))
                .body("items[0].kind", equalTo("REMOVAL_ORDER"))
                .body("items[0].subjectType", equalTo("REMOVAL_ORDER"))
                .body("items[0].subjectId", equalTo(alphaOrder.toString()))
                .body("items[0].createdAt", notNullValue())
                .body("items[0].acknowledgedAt", nullValue())
                .body("items[0].payload.removalOrderId", equalTo(alphaOrder.toString()))
                .body("nextCursor", nullValue());
        String betaItem = given().auth().oauth2(TestTokens.platform(beta)).when().get("/api/v1/inbox")
                .then().statusCode(200)
                .body("items.notificationId", contains(forBeta.toString()))
                .extract().path("items[0].id");

        // alpha cannot acknowledge beta's item: it does not exist for alpha.
        given().auth().oauth2(TestTokens.platform(alpha)).when().post("/api/v1/inbox/" + betaItem + "/ack")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.platform(beta)).when().get("/api/v1/inbox")
                .then().body("items[0].acknowledgedAt", nullValue());
    }

    @Test
    void firstAcknowledgementIsTheReceiptAndRepeatsChangeNothing() {
        String platform = Fixtures.uniqueId("puller");
        Fixtures.registerPlatform(platform, null);
        UUID id = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        Fixtures.notifyOrder(id, platform, order, "GB");
        String token = TestTokens.platform(platform);
        String item = given().auth().oauth2(token).queryParam("unacknowledged", true).when().get("/api/v1/inbox")
                .then().statusCode(200).extract().path("items[0].id");

        String acknowledgedAt = given().auth().oauth2(token).when().post("/api/v1/inbox/" + item + "/ack")
                .then().statusCode(200)
                .body("id", equalTo(item))
                .body("acknowledgedAt", notNullValue())
                .extract().path("acknowledgedAt");
        given().auth().oauth2(token).when().post("/api/v1/inbox/" + item + "/ack")
                .then().statusCode(200).body("acknowledgedAt", equalTo(acknowledgedAt));

        // The inbox's sending and receipt; the e-mail to the contact point is a sending too, never a receipt.
        List<JsonPath> events = await().atMost(Duration.ofSeconds(30))
                .until(() -> inboxEvents(order), e -> e.size() == 2);
        assertEquals(List.of("SENT", "RECEIVED"), events.stream().map(e -> e.getString("type")).toList());
        assertEquals(java.time.Instant.parse(acknowledgedAt), java.time.Instant.parse(events.get(1).getString("at")));

        given().auth().oauth2(token).queryParam("unacknowledged", true).when().get("/api/v1/inbox")
                .then().statusCode(200).body("items", empty());
        given().auth().oauth2(token).when().get("/api/v1/inbox")
                .then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(TestTokens.admin()).queryParam("subjectId", order.toString())
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .body("items.channel", contains("INBOX", "EMAIL"))
                .body("items[0].status", equalTo("DELIVERED"))
                .body("items[0].receivedAt", equalTo(acknowledgedAt))
                .body("items[1].receivedAt", nullValue());
        assertEquals(2, inboxEvents(order).size());
        assertEquals(1, deliveryEvents(order).stream().filter(e -> e.getString("type").equals("RECEIVED")).count());
    }

    @Test
    void ackAfterWebhookReceiptIsNoSecondReceipt() {
        String platform = Fixtures.uniqueId("both");
        Fixtures.registerPlatform(platform, Fixtures.newSecret());
        WireMockNeighbours.platforms.stubFor(WireMock.post(WireMock.urlEqualTo("/hooks/" + platform))
                .willReturn(WireMock.aResponse().withStatus(200)));
        UUID id = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        Fixtures.notifyOrder(id, platform, order, "GB");
        // the webhook's sending and receipt, told in one event
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveryEvents(order), e -> e.size() == 1
                && e.get(0).getString("type").equals("RECEIVED") && e.get(0).getString("sentEventId") != null);

        String token = TestTokens.platform(platform);
        String item = given().auth().oauth2(token).when().get("/api/v1/inbox").then().extract().path("items[0].id");
        given().auth().oauth2(token).when().post("/api/v1/inbox/" + item + "/ack").then().statusCode(200);

        assertEquals(0, Fixtures.count("select count(*) from outbox_message where topic = 'delivery.event' and aggregate_key = '"
                + id + "' and payload like '%INBOX%'"));
        assertEquals(1, deliveryEvents(order).size());
    }

    @Test
    void inboxPagesWithACursor() {
        String platform = Fixtures.uniqueId("paged");
        Fixtures.registerPlatform(platform, null);
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        ids.forEach(id -> Fixtures.notifyOrder(id, platform, UUID.randomUUID(), "GB"));
        String token = TestTokens.platform(platform);

        String cursor = given().auth().oauth2(token).queryParam("limit", 2).when().get("/api/v1/inbox")
                .then().statusCode(200)
                .body("items.notificationId", contains(ids.get(0).toString(), ids.get(1).toString()))
                .body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        given().auth().oauth2(token).queryParam("limit", 2).queryParam("cursor", cursor).when().get("/api/v1/inbox")
                .then().statusCode(200)
                .body("items.notificationId", contains(ids.get(2).toString()))
                .body("nextCursor", nullValue());
        given().auth().oauth2(token).queryParam("cursor", "not-a-cursor").when().get("/api/v1/inbox")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).queryParam("limit", 0).when().get("/api/v1/inbox")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void onlyPlatformsHaveAnInbox() {
        given().when().get("/api/v1/inbox").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/inbox")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.gb("officer", "issuer")).when().post("/api/v1/inbox/" + UUID.randomUUID() + "/ack")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.platform("somebody")).when().post("/api/v1/inbox/" + UUID.randomUUID() + "/ack")
                .then().statusCode(404).contentType("application/problem+json");
    }

    static List<JsonPath> deliveryEvents(UUID order) {
        return WireMockNeighbours.caseService
                .findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/api/v1/removal-orders/" + order + "/delivery-events")))
                .stream().map(r -> JsonPath.from(r.getBodyAsString())).toList();
    }

    private static List<JsonPath> inboxEvents(UUID order) {
        return deliveryEvents(order).stream().filter(e -> e.getString("channel").equals("INBOX")).toList();
    }
}
