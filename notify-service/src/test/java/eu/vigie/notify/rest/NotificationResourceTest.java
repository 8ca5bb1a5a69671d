package eu.vigie.notify.rest;

import static eu.vigie.notify.Fixtures.count;
import static eu.vigie.notify.Fixtures.notification;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.vigie.notify.Fixtures;
import eu.vigie.notify.WireMockNeighbours;
import eu.vigie.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(WireMockNeighbours.class)
class NotificationResourceTest {

    private static final String CASE = TestTokens.service("case-service");

    @Test
    void notificationLandsInInboxAndStartsWebhookDelivery() {
        String platform = Fixtures.uniqueId("hooked");
        Fixtures.registerPlatform(platform, Fixtures.newSecret());
        UUID id = UUID.randomUUID();

        given().auth().oauth2(CASE).contentType(ContentType.JSON)
                .body(notification(id, "REMOVAL_ORDER", platform, UUID.randomUUID(), "GB"))
                .when().post("/api/v1/notifications")
                .then().statusCode(202)
                .body("id", equalTo(id.toString()))
                .body("status", equalTo("PENDING"));

        assertEquals(1, count("select count(*) from inbox_item where notification_id = '" + id + "'"));
        assertEquals(2, count("select count(*) from delivery where notification_id = '" + id + "'"));
        assertEquals(1, count("select count(*) from outbox_message where topic = 'webhook.delivery' and aggregate_key = 'webhook:"
                + id + "'"));
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/platforms/" + platform)
                .then().statusCode(200).body("hasReceivedOrder", equalTo(true));
    }

    @Test
    void replayAnswersTheSameNotificationAndCreatesNothing() {
        String platform = Fixtures.uniqueId("replayed");
        Fixtures.registerPlatform(platform, Fixtures.newSecret());
        UUID id = UUID.randomUUID();
        String body = notification(id, "REMOVAL_ORDER", platform, UUID.randomUUID(), "GB");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(CASE).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/notifications")
                    .then().statusCode(202)
                    .body("id", equalTo(id.toString()));
        }
        assertEquals(1, count("select count(*) from notification where id = '" + id + "'"));
        assertEquals(1, count("select count(*) from inbox_item where notification_id = '" + id + "'"));
        assertEquals(2, count("select count(*) from delivery where notification_id = '" + id + "'"));
        assertEquals(1, count("select count(*) from outbox_message where topic = 'webhook.delivery' and aggregate_key = 'webhook:"
                + id + "'"));
    }

    @Test
    void simultaneousReplaysCreateOneNotification() throws Exception {
        String platform = Fixtures.uniqueId("racer");
        Fixtures.registerPlatform(platform, Fixtures.newSecret());
        UUID id = UUID.randomUUID();
        String body = notification(id, "REMOVAL_ORDER", platform, UUID.randomUUID(), "GB");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> given().auth().oauth2(CASE).contentType(ContentType.JSON).body(body)
                        .when().post("/api/v1/notifications").then().extract().statusCode()));
            }
            for (java.util.concurrent.Future<Integer> answer : answers) {
                assertEquals(202, answer.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, count("select count(*) from inbox_item where notification_id = '" + id + "'"));
        assertEquals(1, count("select count(*) from outbox_message where topic = 'webhook.delivery' and aggregate_key = 'webhook:"
                + id + "'"));
    }

    @Test
    void sameIdWithDifferentContentIsRefused() {
        String platform = Fixtures.uniqueId("reused");
        Fixtures.registerPlatform(platform, null);
        UUID id = UUID.randomUUID();
        given().auth().oauth2(CASE).contentType(ContentType.JSON)
                .body(notification(id, "REMOVAL_ORDER", platform, UUID.randomUUID(), "GB"))
                .when().post("/api/v1/notifications").then().statusCode(202);
        given().auth().oauth2(CASE).contentType(ContentType.JSON)
                .body(notification(id, "REMOVAL_ORDER", platform, UUID.randomUUID(), "GB"))
                .when().post("/api/v1/notifications")
                .then().statusCode(422).contentType("application/problem+json");
        assertEquals(1, count("select count(*) from inbox_item where notification_id = '" + id + "'"));
    }

    @Test
    void inboxOnlyPlatformIsSentThroughItsInbox() {
        String platform = Fixtures.uniqueId("pullonly");
        Fixtures.registerPlatform(platform, null);
        UUID id = UUID.randomUUID();
        given().auth().oauth2(CASE).contentType(ContentType.JSON)
                .body(notification(id, "REMOVAL_ORDER", platform, UUID.randomUUID(), "GB"))
                .when().post("/api/v1/notifications").then().statusCode(202);
        assertEquals(0, count("select count(*) from outbox_message where topic = 'webhook.delivery' and aggregate_key = 'webhook:"
                + id + "'"));
        assertEquals(1, count("select count(*) from delivery where channel = 'INBOX' and sent_at is not null"
                + " and notification_id = '" + id + "'"));
        assertEquals(1, count("select count(*) from outbox_message where topic = 'delivery.event' and aggregate_key = '"
                + id + "' and payload like '%\"type\":\"SENT\"%' and payload like '%\"channel\":\"INBOX\"%'"));
    }

    @Test
    void unknownPlatformIsUnprocessableAndStoresNothing() {
        UUID id = UUID.randomUUID();
        given().auth().oauth2(CASE).contentType(ContentType.JSON)
                .body(notification(id, "REMOVAL_ORDER", "nosuchplatform", UUID.randomUUID(), "GB"))
                .when().post("/api/v1/notifications")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vigie:problem:unknown-platform"));
        assertEquals(0, count("select count(*) from notification where id = '" + id + "'"));
    }

    @Test
    void badInputIsRefusedWithViolations() {
        given().auth().oauth2(CASE).contentType(ContentType.JSON)
                .body("{\"id\":\"" + UUID.randomUUID() + "\",\"kind\":\"SPAM\",\"platformId\":\"x\"}")
                .when().post("/api/v1/notifications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("kind"));
        given().auth().oauth2(CASE).contentType(ContentType.JSON)
                .body("{\"kind\":\"REMOVAL_ORDER\",\"platformId\":\"examplevideo\",\"subjectType\":\"REMOVAL_ORDER\"}")
                .when().post("/api/v1/notifications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("id"))
                .body("violations.field", hasItem("subjectId"))
                .body("violations.field", hasItem("payload"));
        String platform = Fixtures.uniqueId("arraypayload");
        Fixtures.registerPlatform(platform, null);
        UUID id = UUID.randomUUID();
        given().auth().oauth2(CASE).contentType(ContentType.JSON)
                .body(notification(id, "REMOVAL_ORDER", platform, UUID.randomUUID(), "GB")
                        .replaceFirst("\"payload\":\\{", "\"payload\":[{").replaceFirst("\\}\\}\\s*$", "}]}"))
                .when().post("/api/v1/notifications")
                .then().statusCode(400).body("violations.field", hasItem("payload"));
        assertEquals(0, count("select count(*) from notification where id = '" + id + "'"));
    }

    @Test
    void onlyServicesMayNotify() {
        String body = notification(UUID.randomUUID(), "REMOVAL_ORDER", "examplevideo", UUID.randomUUID(), "GB");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/notifications")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/notifications").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.gb("issuer", "issuer")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/notifications").then().statusCode(403);
        given().auth().oauth2(TestTokens.platform("examplevideo")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/notifications").then().statusCode(403);
        given().auth().oauth2(TestTokens.gb("mallory", "service")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/notifications").then().statusCode(403);
    }
}
