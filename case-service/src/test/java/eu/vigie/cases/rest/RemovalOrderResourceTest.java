package eu.vigie.cases.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static eu.vigie.cases.Fixtures.AUDITOR;
import static eu.vigie.cases.Fixtures.FR_ISSUER;
import static eu.vigie.cases.Fixtures.FR_REFERRER;
import static eu.vigie.cases.Fixtures.GB_ISSUER;
import static eu.vigie.cases.Fixtures.GB_REVIEWER;
import static eu.vigie.cases.Fixtures.GB_REVIEWER_AND_ISSUER;
import static eu.vigie.cases.Fixtures.NOTIFY;
import static eu.vigie.cases.Fixtures.annexII;
import static eu.vigie.cases.Fixtures.annexIII;
import static eu.vigie.cases.Fixtures.assess;
import static eu.vigie.cases.Fixtures.assessment;
import static eu.vigie.cases.Fixtures.confirmedGbCase;
import static eu.vigie.cases.Fixtures.deliveryEvent;
import static eu.vigie.cases.Fixtures.gbCase;
import static eu.vigie.cases.Fixtures.issue;
import static eu.vigie.cases.Fixtures.issuedOrder;
import static eu.vigie.cases.Fixtures.sql;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import eu.vigie.cases.NotifyServiceMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class RemovalOrderResourceTest {

    private static RequestPatternBuilder notificationFor(String orderId) {
        return postRequestedFor(urlEqualTo("/api/v1/notifications"))
                .withRequestBody(matchingJsonPath("$.id", equalTo(orderId)));
    }

    private static int notifications(String orderId) {
        return NotifyServiceMock.server().findAll(notificationFor(orderId)).size();
    }

    @Test
    void issuedOrderCarriesAnnexIAndIsPostedToNotifyOnce() throws Exception {
        String caseId = confirmedGbCase();
        JsonPath order = issue(GB_ISSUER, caseId, """
                {"fileNumber":"CTIRU/2026/17","contentLocator":"video at 00:42","doNotInformContentProvider":true,
                 "emergency":true,"emergencyReasons":"Live attack footage"}
                """).statusCode(201)
                .header("Location", containsString("/api/v1/removal-orders/"))
                .body("status", Matchers.equalTo("ISSUED"))
                .body("referenceNumber", matchesPattern("GB-\\d{4}-\\d{6}"))
                .body("issuingState", Matchers.equalTo("GB"))
                .body("authority.name", Matchers.equalTo("Counter Terrorism Internet Referral Unit (test)"))
                .body("authority.officer", Matchers.equalTo("gb:gb-issuer"))
                .body("authority.fileNumber", Matchers.equalTo("CTIRU/2026/17"))
                .body("addressee.platformId", Matchers.equalTo("examplevideo"))
                .body("urls", hasSize(1))
                .body("categories", Matchers.equalTo(List.of("INCITEMENT")))
                .body("reasons", Matchers.equalTo("Glorifies a recent attack"))
                .body("doNotInformContentProvider", Matchers.equalTo(true))
                .body("emergency", Matchers.equalTo(true))
                .body("redress.legalReference", notNullValue())
                .body("signature.algorithm", Matchers.equalTo("SHA-256"))
                .body("signature.value", matchesPattern("[0-9a-f]{64}"))
                .body("signature.valid", Matchers.equalTo(true))
                .body("issuedAt", notNullValue())
                .body("receivedAt", nullValue())
                .extract().jsonPath();
        String orderId = order.getString("id");

        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(orderId) == 1);
        NotifyServiceMock.server().verify(1, notificationFor(orderId)
                .withHeader("Authorization", matching("Bearer .+"))
                .withRequestBody(matchingJsonPath("$.kind", equalTo("REMOVAL_ORDER")))
                .withRequestBody(matchingJsonPath("$.platformId", equalTo("examplevideo")))
                .withRequestBody(matchingJsonPath("$.subjectId", equalTo(orderId)))
                .withRequestBody(matchingJsonPath("$.jurisdiction", equalTo("GB")))
                .withRequestBody(matchingJsonPath("$.payload.referenceNumber", equalTo(order.getString("referenceNumber"))))
                .withRequestBody(matchingJsonPath("$.payload.signature.value", equalTo(order.getString("signature.value")))));
        Thread.sleep(1500);
        assertEquals(1, notifications(orderId), "delivered once, not again");

        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/cases/{id}", caseId)
                .then().statusCode(200).body("status", Matchers.equalTo("ACTIONED"))
                .body("removalOrders.id", hasItem(orderId))
                .body("history.action", hasItem("ORDER_ISSUED"));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/removal-orders/{id}", orderId).then().statusCode(200);
    }

    @Test
    void notifyDownIsRetriedAndTheOrderPostedOnceWhenItIsBack() throws Exception {
        WireMockServer notify = NotifyServiceMock.server();
        NotifyServiceMock.down();
        String orderId;
        try {
            orderId = issuedOrder();
            await().atMost(Duration.ofSeconds(20)).until(() -> notifications(orderId) >= 2);
        } finally {
            NotifyServiceMock.up();
        }
        int failedAttempts = notifications(orderId);
        await().atMost(Duration.ofSeconds(30)).until(() -> sql(
                "SELECT count(*) FROM outbox_message WHERE aggregate_key = '" + orderId + "' AND delivered_at IS NOT NULL")
                .toString().equals("1"));
        Thread.sleep(1500);
        assertEquals(failedAttempts + 1, notifications(orderId), "exactly one more call, the one that was taken");
        assertEquals("0", sql("SELECT count(*) FROM outbox_message WHERE aggregate_key = '" + orderId
                + "' AND dead_at IS NOT NULL").toString());
        assertTrue(notify.isRunning());
    }

    @Test
    void theAssessorMayNotIssueTheOrderFourEyes() {
        String caseId = gbCase("CRISIS", 0.70);
        assess(GB_REVIEWER_AND_ISSUER, caseId, assessment("TERRORIST_CONTENT", "[\"INCITEMENT\"]")).statusCode(200);
        issue(GB_REVIEWER_AND_ISSUER, caseId, "{}").statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("Four-eyes"));
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/cases/{id}", caseId)
                .then().body("removalOrders", hasSize(0)).body("status", Matchers.equalTo("CONFIRMED"));
        issue(GB_ISSUER, caseId, "{}").statusCode(201);
    }

    @Test
    void ordersNeedATerroristContentAssessmentAndOneInForceAtATime() {
        String caseId = gbCase("CRISIS", 0.70);
        issue(GB_ISSUER, caseId, "{}").statusCode(409);
        assess(GB_REVIEWER, caseId, assessment("NOT_TERRORIST_CONTENT", "[]")).statusCode(200);
        issue(GB_ISSUER, caseId, "{}").statusCode(409);
        assess(GB_REVIEWER, caseId, assessment("TERRORIST_CONTENT", "[\"INSTRUCTION\"]")).statusCode(200);
        issue(GB_REVIEWER, caseId, "{}").statusCode(403);
        issue(GB_ISSUER, caseId, "{\"emergency\":true}").statusCode(400)
                .body("violations.field", hasItem("emergencyReasons"));
        issue(GB_ISSUER, caseId, "{\"urls\":[\"ftp://x\"]}").statusCode(400);
        issue(GB_ISSUER, caseId, "{\"categories\":[\"GOSSIP\"]}").statusCode(400);
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/cases/{id}", caseId)
                .then().body("removalOrders", hasSize(0));
        issue(GB_ISSUER, caseId, "{}").statusCode(201).body("categories", Matchers.equalTo(List.of("INSTRUCTION")));
        issue(GB_ISSUER, caseId, "{}").statusCode(409);
        assess(GB_REVIEWER, caseId, assessment("NOT_TERRORIST_CONTENT", "[]")).statusCode(409);
    }

    @Test
    void anOrderNeedsAKnownPlatform() {
        String body = eu.vigie.cases.Fixtures.referral(UUID.randomUUID(), "GB", "CTIRU", eu.vigie.cases.Fixtures.contentKey(),
                "CRISIS", 0.70).replace("\"platformId\":\"examplevideo\",\"platformKnown\":true",
                        "\"platformId\":null,\"platformKnown\":false");
        String caseId = eu.vigie.cases.Fixtures.intake(body).statusCode(201).extract().path("caseId");
        assess(GB_REVIEWER, caseId, assessment("TERRORIST_CONTENT", "[\"INCITEMENT\"]")).statusCode(200);
        issue(GB_ISSUER, caseId, "{}").statusCode(422).contentType("application/problem+json")
                .body("type", Matchers.equalTo("urn:vigie:problem:platform-unknown"));
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/cases/{id}", caseId)
                .then().body("removalOrders", hasSize(0)).body("status", Matchers.equalTo("CONFIRMED"));
    }

    @Test
    void anotherJurisdictionCannotSeeOrActOnTheOrder() {
        String caseId = confirmedGbCase();
        issue(FR_ISSUER, caseId, "{}").statusCode(404);
        String orderId = issue(GB_ISSUER, caseId, "{}").statusCode(201).extract().path("id");
        given().auth().oauth2(FR_REFERRER).when().get("/api/v1/removal-orders/{id}", orderId).then().statusCode(404);
        given().auth().oauth2(FR_ISSUER).contentType(ContentType.JSON).body("{\"reasons\":\"mine now\"}")
                .when().post("/api/v1/removal-orders/{id}/withdrawal", orderId).then().statusCode(404);
        given().auth().oauth2(GB_ISSUER).contentType(ContentType.JSON).body(
                "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"SENT\",\"at\":\"2026-11-29T10:00:00Z\"}")
                .when().post("/api/v1/removal-orders/{id}/delivery-events", orderId).then().statusCode(403);
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", orderId)
                .then().statusCode(200).body("status", Matchers.equalTo("ISSUED"));
    }

    @Test
    void receiptStartsTheHourAndReplaysChangeNothing() {
        String orderId = issuedOrder();
        Instant sent = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        Instant received = sent.plusSeconds(5);
        UUID sentEvent = UUID.randomUUID();
        deliveryEvent(orderId, sentEvent, "SENT", sent).statusCode(200)
                .body("status", Matchers.equalTo("SENT")).body("sentAt", Matchers.equalTo(sent.toString()));
        UUID receivedEvent = UUID.randomUUID();
        deliveryEvent(orderId, receivedEvent, "RECEIVED", received).statusCode(200)
                .body("status", Matchers.equalTo("RECEIVED"))
                .body("receivedAt", Matchers.equalTo(received.toString()))
                .body("deadlineAt", Matchers.equalTo(received.plus(Duration.ofHours(1)).toString()));
        // a replay and a later receipt change nothing: the first receipt wins
        deliveryEvent(orderId, receivedEvent, "RECEIVED", received).statusCode(200)
                .body("deliveryEvents", hasSize(2));
        deliveryEvent(orderId, UUID.randomUUID(), "RECEIVED", received.plusSeconds(60)).statusCode(200)
                .body("receivedAt", Matchers.equalTo(received.toString()))
                .body("deadlineAt", Matchers.equalTo(received.plus(Duration.ofHours(1)).toString()))
                .body("deliveryEvents", hasSize(3));

        UUID feedbackId = UUID.randomUUID();
        Instant removed = received.plusSeconds(20);
        annexII(orderId, feedbackId, removed).statusCode(200)
                .body("status", Matchers.equalTo("COMPLIED"))
                .body("compliedAt", Matchers.equalTo(removed.toString()))
                .body("compliedAction", Matchers.equalTo("REMOVED"));
        annexII(orderId, feedbackId, removed).statusCode(200).body("feedback", hasSize(1));
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", orderId)
                .then().body("status", Matchers.equalTo("COMPLIED")).body("signature.valid", Matchers.equalTo(true));
    }

    @Test
    void aReceiptCarryingItsSendingRecordsBothOnceAndStartsTheHour() {
        String orderId = issuedOrder();
        Instant sent = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        Instant received = sent.plusMillis(180);
        UUID sentEvent = UUID.randomUUID();
        UUID receivedEvent = UUID.randomUUID();
        String body = """
                {"eventId":"%s","type":"RECEIVED","at":"%s","channel":"WEBHOOK","notificationId":"%s","deliveryId":"%s",
                 "sentEventId":"%s","sentAt":"%s"}
                """.formatted(receivedEvent, received, orderId, UUID.randomUUID(), sentEvent, sent);
        for (int i = 0; i < 2; i++) { // the second time a replay: nothing doubles
            given().auth().oauth2(NOTIFY).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/removal-orders/{id}/delivery-events", orderId).then().statusCode(204);
        }
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", orderId).then().statusCode(200)
                .body("status", Matchers.equalTo("RECEIVED"))
                .body("sentAt", Matchers.equalTo(sent.toString()))
                .body("receivedAt", Matchers.equalTo(received.toString()))
                .body("deadlineAt", Matchers.equalTo(received.plus(Duration.ofHours(1)).toString()))
                .body("deliveryEvents.eventId", Matchers.contains(sentEvent.toString(), receivedEvent.toString()))
                .body("deliveryEvents.type", Matchers.contains("SENT", "RECEIVED"))
                .body("deliveryEvents.at", Matchers.contains(sent.toString(), received.toString()));
        String caseId = given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", orderId).then()
                .extract().path("caseId");
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/cases/{id}", caseId).then().statusCode(200)
                .body("history.findAll { it.action == 'DELIVERY_EVENT_RECORDED' }.details.type", Matchers.contains("SENT", "RECEIVED"))
                .body("history.findAll { it.action == 'ORDER_STATUS_CHANGED' }.details.to", Matchers.hasItems("SENT", "RECEIVED"));
    }

    @Test
    void aSendingCarriedOtherwiseThanWithItsReceiptIsRefusedAndChangesNothing() {
        String orderId = issuedOrder();
        String at = Instant.now().toString();
        for (String carried : List.of(
                "\"type\":\"RECEIVED\",\"sentEventId\":\"" + UUID.randomUUID() + "\"",
                "\"type\":\"RECEIVED\",\"sentAt\":\"" + at + "\"",
                "\"type\":\"SENT\",\"sentEventId\":\"" + UUID.randomUUID() + "\",\"sentAt\":\"" + at + "\"")) {
            given().auth().oauth2(NOTIFY).contentType(ContentType.JSON)
                    .body("{\"eventId\":\"" + UUID.randomUUID() + "\",\"at\":\"" + at + "\"," + carried + "}")
                    .when().post("/api/v1/removal-orders/{id}/delivery-events", orderId)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        UUID same = UUID.randomUUID();
        given().auth().oauth2(NOTIFY).contentType(ContentType.JSON)
                .body("{\"eventId\":\"" + same + "\",\"type\":\"RECEIVED\",\"at\":\"" + at + "\",\"sentEventId\":\""
                        + same + "\",\"sentAt\":\"" + at + "\"}")
                .when().post("/api/v1/removal-orders/{id}/delivery-events", orderId)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", orderId).then()
                .body("status", Matchers.equalTo("ISSUED")).body("deliveryEvents", hasSize(0));
    }

    @Test
    void receiptBeforeSendingSetsBothAndEarlierFeedbackIsAppliedOnReceipt() {
        String orderId = issuedOrder();
        Instant removed = Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.MILLIS);
        annexII(orderId, UUID.randomUUID(), removed).statusCode(200)
                .body("status", Matchers.equalTo("ISSUED"))
                .body("feedback[0].appliedAt", nullValue());
        Instant received = removed.minusSeconds(30);
        deliveryEvent(orderId, UUID.randomUUID(), "RECEIVED", received).statusCode(200)
                .body("sentAt", Matchers.equalTo(received.toString()))
                .body("receivedAt", Matchers.equalTo(received.toString()))
                .body("status", Matchers.equalTo("COMPLIED"))
                .body("compliedAt", Matchers.equalTo(removed.toString()))
                .body("feedback[0].appliedAt", notNullValue());
        deliveryEvent(orderId, UUID.randomUUID(), "SENT", received.minusSeconds(5)).statusCode(200)
                .body("sentAt", Matchers.equalTo(received.toString()))
                .body("status", Matchers.equalTo("COMPLIED"));
    }

    @Test
    void annexIIISuspendsTheClockAndResumingKeepsTheTimeLeft() {
        String orderId = issuedOrder();
        Instant received = Instant.now().minusSeconds(1200).truncatedTo(ChronoUnit.SECONDS);
        deliveryEvent(orderId, UUID.randomUUID(), "RECEIVED", received).statusCode(200);
        Instant obstacle = received.plusSeconds(900);
        UUID feedbackId = UUID.randomUUID();
        annexIII(orderId, feedbackId, obstacle).statusCode(200)
                .body("status", Matchers.equalTo("SUSPENDED"))
                .body("suspension.reason", Matchers.equalTo("INSUFFICIENT_INFORMATION"))
                .body("suspension.explanation", Matchers.equalTo("The URL list is ambiguous"))
                .body("suspension.remainingSeconds", Matchers.equalTo(2700));
        annexIII(orderId, feedbackId, obstacle).statusCode(200).body("feedback", hasSize(1));
        // the clock is stopped: no overdue while suspended, and a second Annex III is kept without effect
        given().auth().oauth2(FR_ISSUER).contentType(ContentType.JSON).body("{\"reasons\":\"clarified\"}")
                .when().post("/api/v1/removal-orders/{id}/resumption", orderId).then().statusCode(404);
        Instant before = Instant.now();
        String deadline = given().auth().oauth2(GB_ISSUER).contentType(ContentType.JSON)
                .body("{\"reasons\":\"The video is the one at 00:42\"}")
                .when().post("/api/v1/removal-orders/{id}/resumption", orderId)
                .then().statusCode(200).body("status", Matchers.equalTo("RECEIVED"))
                .extract().path("deadlineAt");
        Duration left = Duration.between(before, Instant.parse(deadline));
        assertTrue(left.compareTo(Duration.ofSeconds(2690)) > 0 && left.compareTo(Duration.ofSeconds(2710)) < 0,
                "the deadline is the resumption plus the 45 minutes that were left: " + left);
    }

    @Test
    void illegalTransitionsAreRefusedWithConflict() {
        String orderId = issuedOrder();
        given().auth().oauth2(GB_ISSUER).contentType(ContentType.JSON).body("{\"reasons\":\"clarified\"}")
                .when().post("/api/v1/removal-orders/{id}/resumption", orderId)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(GB_ISSUER).contentType(ContentType.JSON).body("{\"reasons\":\"Content already gone\"}")
                .when().post("/api/v1/removal-orders/{id}/withdrawal", orderId)
                .then().statusCode(200).body("status", Matchers.equalTo("WITHDRAWN"))
                .body("withdrawal.withdrawnBy", Matchers.equalTo("gb:gb-issuer"));
        given().auth().oauth2(GB_ISSUER).contentType(ContentType.JSON).body("{\"reasons\":\"again\"}")
                .when().post("/api/v1/removal-orders/{id}/withdrawal", orderId)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(GB_ISSUER).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/removal-orders/{id}/withdrawal", orderId)
                .then().statusCode(400);
        // feedback on a withdrawn order is kept as evidence but changes nothing
        deliveryEvent(orderId, UUID.randomUUID(), "RECEIVED", Instant.now()).statusCode(200)
                .body("status", Matchers.equalTo("WITHDRAWN"));
        annexII(orderId, UUID.randomUUID(), Instant.now()).statusCode(200)
                .body("status", Matchers.equalTo("WITHDRAWN"))
                .body("feedback[0].outcome", containsString("not applied"));
    }

    @Test
    void feedbackFromAnotherPlatformOrIncompleteIsRefused() {
        String orderId = issuedOrder();
        given().auth().oauth2(NOTIFY).contentType(ContentType.JSON)
                .body("{\"feedbackId\":\"" + UUID.randomUUID() + "\",\"platformId\":\"otherplatform\",\"form\":\"ANNEX_II\","
                        + "\"action\":\"REMOVED\",\"actionAt\":\"2026-11-29T10:00:00Z\"}")
                .when().post("/api/v1/removal-orders/{id}/feedback", orderId)
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(NOTIFY).contentType(ContentType.JSON)
                .body("{\"feedbackId\":\"" + UUID.randomUUID() + "\",\"platformId\":\"examplevideo\",\"form\":\"ANNEX_III\"}")
                .when().post("/api/v1/removal-orders/{id}/feedback", orderId)
                .then().statusCode(400).body("violations.field", hasItem("reason"));
        given().auth().oauth2(NOTIFY).contentType(ContentType.JSON)
                .body("{\"feedbackId\":\"" + UUID.randomUUID() + "\",\"platformId\":\"examplevideo\",\"form\":\"ANNEX_V\"}")
                .when().post("/api/v1/removal-orders/{id}/feedback", orderId)
                .then().statusCode(400);
        given().auth().oauth2(NOTIFY).contentType(ContentType.JSON)
                .body("{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"RECEIVED\",\"at\":\"2026-11-29T10:00:00Z\"}")
                .when().post("/api/v1/removal-orders/{id}/delivery-events", UUID.randomUUID())
                .then().statusCode(404);
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", orderId)
                .then().body("feedback", hasSize(0)).body("status", Matchers.equalTo("ISSUED"));
    }

    @Test
    void aPassedDeadlineMakesTheOrderOverdueAndLateComplianceIsRecorded() {
        String orderId = issuedOrder();
        Instant received = Instant.now().minus(Duration.ofMinutes(61)).truncatedTo(ChronoUnit.SECONDS);
        deliveryEvent(orderId, UUID.randomUUID(), "RECEIVED", received).statusCode(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> "OVERDUE".equals(given().auth().oauth2(GB_REVIEWER)
                .when().get("/api/v1/removal-orders/{id}", orderId).then().extract().path("status")));
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", orderId)
                .then().body("overdueAt", notNullValue());
        annexII(orderId, UUID.randomUUID(), Instant.now()).statusCode(200)
                .body("status", Matchers.equalTo("COMPLIED"))
                .body("feedback[0].outcome", Matchers.equalTo("COMPLIED late"));
    }

    @Test
    void aTamperedOrderFailsItsSignatureCheck() throws Exception {
        String orderId = issuedOrder();
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", orderId)
                .then().statusCode(200).body("signature.valid", Matchers.equalTo(true));
        sql("UPDATE removal_order SET urls = '[\"https://elsewhere.example/\"]' WHERE id = '" + orderId
                + "' RETURNING id");
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", orderId)
                .then().statusCode(200).body("signature.valid", Matchers.equalTo(false));
    }
}
