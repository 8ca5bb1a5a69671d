package eu.vigie.cases.service;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static eu.vigie.cases.Fixtures.GB_REVIEWER;
import static eu.vigie.cases.Fixtures.deliveryEvent;
import static eu.vigie.cases.Fixtures.GB_ISSUER;
import static eu.vigie.cases.Fixtures.confirmedGbCaseOn;
import static eu.vigie.cases.Fixtures.issue;
import static eu.vigie.cases.Fixtures.platform;
import static eu.vigie.cases.Fixtures.notificationsWithId;
import static eu.vigie.cases.Fixtures.outboxCount;
import static eu.vigie.cases.Fixtures.sql;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import eu.vigie.cases.NotifyServiceMock;
import eu.vigie.cases.TestClock;
import eu.vigie.cases.client.Notification;
import io.quarkus.test.junit.QuarkusTest;

/** The overdue watch, on a controlled clock: the moment a deadline passes, once across replicas, with a breach notice. */
@QuarkusTest
class OverdueCheckTest {

    @Inject
    OverdueCheck watch;

    @AfterEach
    void restore() {
        TestClock.reset();
        NotifyServiceMock.up();
    }

    private static String status(String orderId) {
        return given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", orderId)
                .then().statusCode(200).extract().path("status");
    }

    /** An order received now, on a platform of its own (so its breach count is its own). */
    private static String receivedOrder() {
        String platformId = platform("GB", true);
        String orderId = issue(GB_ISSUER, confirmedGbCaseOn(platformId), "{}").statusCode(201).extract().path("id");
        deliveryEvent(orderId, UUID.randomUUID(), "RECEIVED", TestClock.current().truncatedTo(ChronoUnit.MILLIS))
                .statusCode(200);
        return orderId;
    }

    @Test
    void theMomentTheDeadlinePassesTheOrderIsOverdueAndTheRegulatorGetsTheEvidence() {
        String orderId = receivedOrder();
        watch.run();
        assertEquals("RECEIVED", status(orderId), "not before the hour has passed");
        TestClock.advance(Duration.ofMinutes(59));
        watch.run();
        assertEquals("RECEIVED", status(orderId));

        TestClock.advance(Duration.ofMinutes(1).plusSeconds(1));
        watch.run();
        await().atMost(Duration.ofSeconds(10)).until(() -> "OVERDUE".equals(status(orderId))); // the scheduled watch may hold it
        String reference = given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", orderId)
                .then().body("overdueAt", notNullValue()).extract().path("referenceNumber");

        UUID noticeId = Notification.idFor(UUID.fromString(orderId), OrderLifecycleService.BREACH);
        await().atMost(Duration.ofSeconds(20)).until(() -> notificationsWithId(noticeId) == 1);
        NotifyServiceMock.server().verify(1, postRequestedFor(urlEqualTo("/api/v1/notifications"))
                .withRequestBody(matchingJsonPath("$.id", equalTo(noticeId.toString())))
                .withRequestBody(matchingJsonPath("$.kind", equalTo("BREACH_NOTICE")))
                .withRequestBody(matchingJsonPath("$.recipientType", equalTo("AUTHORITY")))
                .withRequestBody(matchingJsonPath("$.recipient", equalTo("GB")))
                .withRequestBody(matchingJsonPath("$.subjectType", equalTo("REMOVAL_ORDER")))
                .withRequestBody(matchingJsonPath("$.subjectId", equalTo(orderId)))
                .withRequestBody(matchingJsonPath("$.jurisdiction", equalTo("GB")))
                .withRequestBody(matchingJsonPath("$.payload.order.referenceNumber", equalTo(reference)))
                .withRequestBody(matchingJsonPath("$.payload.state.status", equalTo("OVERDUE")))
                .withRequestBody(matchingJsonPath("$.payload.proofOfDelivery[0].type", equalTo("RECEIVED")))
                .withRequestBody(matchingJsonPath("$.payload.timeline[?(@.action == 'ORDER_ISSUED')]"))
                .withRequestBody(matchingJsonPath("$.payload.timeline[?(@.details.to == 'OVERDUE')]"))
                .withRequestBody(matchingJsonPath("$.payload.breachesLast12Months", equalTo("1"))));
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", orderId).then()
                .body("status", Matchers.equalTo("OVERDUE"));
        String caseId = given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", orderId)
                .then().extract().path("caseId");
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/cases/{id}", caseId).then()
                .body("history.action", hasItem("BREACH_NOTICE_SENT"));
    }

    @Test
    void watchesRunningTogetherMarkEachOrderOnceAndNoticeItOnce() throws Exception {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            orders.add(receivedOrder());
        }
        TestClock.advance(Duration.ofMinutes(61));
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> runs = List.of(watch::run, watch::run, watch::run, watch::run);
            for (Future<Integer> run : replicas.invokeAll(runs)) {
                run.get();
            }
        } finally {
            replicas.shutdown();
        }
        for (String orderId : orders) {
            assertEquals("OVERDUE", status(orderId));
            assertEquals("1", sql("SELECT count(*) FROM audit_record WHERE subject_id = '" + orderId
                    + "' AND details LIKE '%\"to\":\"OVERDUE\"%'").toString(), "one transition for " + orderId);
            assertEquals(1, outboxCount(orderId, "notification.requested"), "one breach notice for " + orderId);
        }
    }

    @Test
    void notifyDownTheBreachNoticeIsRetriedAndDeliveredOnce() throws Exception {
        String orderId = receivedOrder();
        UUID noticeId = Notification.idFor(UUID.fromString(orderId), OrderLifecycleService.BREACH);
        NotifyServiceMock.down();
        try {
            TestClock.advance(Duration.ofMinutes(61));
            watch.run();
            // The scheduled watch may have taken the order first (its transaction then commits a moment later).
            await().atMost(Duration.ofSeconds(10)).until(() -> "OVERDUE".equals(status(orderId)));
            await().atMost(Duration.ofSeconds(20)).until(() -> notificationsWithId(noticeId) >= 2);
        } finally {
            NotifyServiceMock.up();
        }
        int failed = notificationsWithId(noticeId);
        await().atMost(Duration.ofSeconds(30)).until(() -> sql("SELECT count(*) FROM outbox_message WHERE aggregate_key = '"
                + orderId + "' AND topic = 'notification.requested' AND delivered_at IS NOT NULL").toString().equals("1"));
        Thread.sleep(1500);
        assertEquals(failed + 1, notificationsWithId(noticeId), "exactly one more call, the one that was taken");
        Instant later = TestClock.current();
        assertEquals(0, watch.run(), "nothing is marked twice at " + later);
    }

    /** A sample of case-service's /q/metrics, e.g. {@code vigie_orders_overdue{jurisdiction="GB"}}; 0 when absent. */
    private static double metric(String name, String jurisdiction) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + name + "\\{[^}]*jurisdiction=\""
                + jurisdiction + "\"[^}]*\\} (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static long count(String query) throws Exception {
        return ((Number) sql(query)).longValue();
    }

    @Test
    void overdueGaugeCountsTheDatabaseAndTheBreachCounterEachOrderThatBecameOverdue() throws Exception {
        String orderId = receivedOrder();
        double breachesBefore = metric("vigie_orders_breaches_total", "GB");
        TestClock.advance(Duration.ofMinutes(61));
        watch.run();
        await().atMost(Duration.ofSeconds(10)).until(() -> "OVERDUE".equals(status(orderId))); // the scheduled watch may hold it
        // The gauge is the database's figure (the same on every replica), refreshed within the cache period.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertEquals(
                (double) count("SELECT count(*) FROM removal_order WHERE status = 'OVERDUE' AND issuing_jurisdiction = 'GB'"),
                metric("vigie_orders_overdue", "GB")));
        // Every order marked overdue in this JVM (the database is this test run's own) was counted exactly once.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertEquals(
                (double) count("SELECT count(*) FROM removal_order WHERE overdue_at IS NOT NULL AND issuing_jurisdiction = 'GB'"),
                metric("vigie_orders_breaches_total", "GB")));
        org.junit.jupiter.api.Assertions.assertTrue(metric("vigie_orders_breaches_total", "GB") >= breachesBefore + 1);

        // Compliance after the deadline takes the order out of the gauge, not out of the breach count.
        double breaches = metric("vigie_orders_breaches_total", "GB");
        eu.vigie.cases.Fixtures.annexII(orderId, platformOf(orderId), UUID.randomUUID(), TestClock.current()
                .truncatedTo(ChronoUnit.MILLIS)).statusCode(200);
        assertEquals("COMPLIED", status(orderId));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertEquals(
                (double) count("SELECT count(*) FROM removal_order WHERE status = 'OVERDUE' AND issuing_jurisdiction = 'GB'"),
                metric("vigie_orders_overdue", "GB")));
        org.junit.jupiter.api.Assertions.assertTrue(metric("vigie_orders_breaches_total", "GB") >= breaches);
    }

    private static String platformOf(String orderId) {
        return given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", orderId)
                .then().statusCode(200).extract().path("addressee.platformId");
    }
}
