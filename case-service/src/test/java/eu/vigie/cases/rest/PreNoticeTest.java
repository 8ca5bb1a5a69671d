package eu.vigie.cases.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static eu.vigie.cases.Fixtures.GB_ISSUER;
import static eu.vigie.cases.Fixtures.GB_REVIEWER;
import static eu.vigie.cases.Fixtures.confirmedGbCaseOn;
import static eu.vigie.cases.Fixtures.issue;
import static eu.vigie.cases.Fixtures.notificationsWithId;
import static eu.vigie.cases.Fixtures.outboxCount;
import static eu.vigie.cases.Fixtures.platform;
import static eu.vigie.cases.Fixtures.sql;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import eu.vigie.cases.NotifyServiceMock;
import eu.vigie.cases.TestClock;
import eu.vigie.cases.client.Notification;
import eu.vigie.cases.service.PreNoticeRelease;
import eu.vigie.cases.service.RemovalOrderService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The 12-hour pre-notice before a provider's first order (Art. 3(2)), on a controlled clock. */
@QuarkusTest
class PreNoticeTest {

    @Inject
    PreNoticeRelease release;

    @AfterEach
    void restore() {
        TestClock.reset();
    }

    private static String status(String orderId) {
        return given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", orderId)
                .then().statusCode(200).extract().path("status");
    }

    @Test
    void aProvidersFirstOrderWaitsTwelveHoursAfterAPreNotice() throws Exception {
        String platformId = platform("GB", false);
        String caseId = confirmedGbCaseOn(platformId);
        JsonPath order = issue(GB_ISSUER, caseId, "{}").statusCode(201)
                .body("status", Matchers.equalTo("PENDING_PRE_NOTICE"))
                .body("releasedAt", nullValue())
                .body("signature.valid", Matchers.equalTo(true))
                .extract().jsonPath();
        String orderId = order.getString("id");
        Instant issuedAt = Instant.parse(order.getString("issuedAt"));
        assertEquals(issuedAt.plus(Duration.ofHours(12)), Instant.parse(order.getString("preNoticeUntil")));

        UUID noticeId = Notification.idFor(UUID.fromString(orderId), "pre-notice");
        await().atMost(Duration.ofSeconds(20)).until(() -> notificationsWithId(noticeId) == 1);
        NotifyServiceMock.server().verify(1, postRequestedFor(urlEqualTo("/api/v1/notifications"))
                .withRequestBody(matchingJsonPath("$.id", equalTo(noticeId.toString())))
                .withRequestBody(matchingJsonPath("$.kind", equalTo("PRE_NOTICE")))
                .withRequestBody(matchingJsonPath("$.platformId", equalTo(platformId)))
                .withRequestBody(matchingJsonPath("$.subjectId", equalTo(orderId)))
                .withRequestBody(matchingJsonPath("$.payload.firstOrderNotBefore",
                        equalTo(order.getString("preNoticeUntil")))));
        assertEquals(0, notificationsWithId(orderId), "the order itself waits");
        assertEquals(0, outboxCount(orderId, RemovalOrderService.ISSUED_TOPIC));

        TestClock.advance(Duration.ofHours(11).plusMinutes(59));
        release.run();
        assertEquals("PENDING_PRE_NOTICE", status(orderId));

        TestClock.advance(Duration.ofMinutes(2));
        release.run();
        assertEquals("ISSUED", status(orderId));
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", orderId).then()
                .body("releasedAt", notNullValue())
                .body("issuedAt", Matchers.equalTo(order.getString("issuedAt")))
                .body("signature.valid", Matchers.equalTo(true));
        await().atMost(Duration.ofSeconds(20)).until(() -> notificationsWithId(orderId) == 1);
        NotifyServiceMock.server().verify(1, postRequestedFor(urlEqualTo("/api/v1/notifications"))
                .withRequestBody(matchingJsonPath("$.id", equalTo(orderId)))
                .withRequestBody(matchingJsonPath("$.kind", equalTo("REMOVAL_ORDER"))));
        assertEquals(0, release.run(), "released once");
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/cases/{id}", caseId).then()
                .body("history.action", hasItems("ORDER_ISSUED", "PRE_NOTICE_SENT", "ORDER_STATUS_CHANGED"));

        // the provider has now been given an order: the next one leaves at once
        issue(GB_ISSUER, confirmedGbCaseOn(platformId), "{}").statusCode(201)
                .body("status", Matchers.equalTo("ISSUED")).body("preNoticeUntil", nullValue());
    }

    @Test
    void anEmergencyWithReasonsSkipsThePreNotice() throws Exception {
        String platformId = platform("GB", false);
        String orderId = issue(GB_ISSUER, confirmedGbCaseOn(platformId),
                "{\"emergency\":true,\"emergencyReasons\":\"Imminent threat to life\"}").statusCode(201)
                .body("status", Matchers.equalTo("ISSUED"))
                .body("preNoticeUntil", nullValue())
                .body("releasedAt", notNullValue())
                .extract().path("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> notificationsWithId(orderId) == 1);
        assertEquals(0, outboxCount(orderId, "notification.requested"), "no pre-notice");
        // an emergency needs its reasons: refused, nothing created
        String caseId = confirmedGbCaseOn(platformId);
        issue(GB_ISSUER, caseId, "{\"emergency\":true}").statusCode(400)
                .body("violations.field", hasItem("emergencyReasons"));
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/cases/{id}", caseId).then()
                .body("removalOrders", hasSize(0));
    }

    @Test
    void aPendingOrderWithdrawnIsNeverReleased() throws Exception {
        String platformId = platform("GB", false);
        String orderId = issue(GB_ISSUER, confirmedGbCaseOn(platformId), "{}").statusCode(201)
                .extract().path("id");
        given().auth().oauth2(GB_ISSUER).contentType(ContentType.JSON).body("{\"reasons\":\"Content already gone\"}")
                .when().post("/api/v1/removal-orders/{id}/withdrawal", orderId)
                .then().statusCode(200).body("status", Matchers.equalTo("WITHDRAWN"));
        TestClock.advance(Duration.ofHours(13));
        release.run();
        assertEquals("WITHDRAWN", status(orderId));
        assertEquals(0, outboxCount(orderId, RemovalOrderService.ISSUED_TOPIC));
    }

    @Test
    void anUnregisteredPlatformOrAnUnreachableRegistryIssuesNothing() {
        String ghost = "p-ghost-" + UUID.randomUUID().toString().substring(0, 8);
        String ghostCase = confirmedGbCaseOn(ghost);
        issue(GB_ISSUER, ghostCase, "{}").statusCode(422).contentType("application/problem+json")
                .body("type", Matchers.equalTo("urn:vigie:problem:platform-unknown"));
        String platformId = platform("GB", false);
        NotifyServiceMock.registryDown(platformId);
        String caseId = confirmedGbCaseOn(platformId);
        issue(GB_ISSUER, caseId, "{}").statusCode(503).contentType("application/problem+json")
                .body("detail", Matchers.containsString("nothing was issued"));
        for (String id : new String[] { ghostCase, caseId }) {
            given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/cases/{id}", id).then()
                    .body("removalOrders", hasSize(0)).body("status", Matchers.equalTo("CONFIRMED"));
        }
        NotifyServiceMock.platform(platformId, "GB", false);
        issue(GB_ISSUER, caseId, "{}").statusCode(201).body("status", Matchers.equalTo("PENDING_PRE_NOTICE"));
    }

    @Test
    void theRegistryIsAskedBeforeTheCaseIsLockedSoASlowRegistryHoldsNoLock() throws Exception {
        String platformId = platform("GB", true);
        NotifyServiceMock.platform(platformId, "GB", true, Duration.ofSeconds(3));
        String caseId = confirmedGbCaseOn(platformId);
        RequestPatternBuilder lookUp = getRequestedFor(urlEqualTo("/api/v1/platforms/" + platformId));
        int before = NotifyServiceMock.server().findAll(lookUp).size();
        CompletableFuture<Integer> issued = CompletableFuture
                .supplyAsync(() -> issue(GB_ISSUER, caseId, "{}").extract().statusCode());
        await().atMost(Duration.ofSeconds(10)).until(() -> NotifyServiceMock.server().findAll(lookUp).size() > before);
        // The registry is still answering: nobody holds the case, another transaction may lock it at once.
        assertEquals(caseId, sql("SELECT id FROM vigie_case WHERE id = '" + caseId + "' FOR UPDATE NOWAIT").toString());
        assertFalse(issued.isDone(), "the registry's answer was awaited");
        assertEquals(201, issued.get(30, TimeUnit.SECONDS));
    }
}
