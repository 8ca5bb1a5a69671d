package eu.vigie.cases.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static eu.vigie.cases.Fixtures.FR_ISSUER;
import static eu.vigie.cases.Fixtures.FR_REFERRER;
import static eu.vigie.cases.Fixtures.FR_SCRUTINEER;
import static eu.vigie.cases.Fixtures.GB_ISSUER;
import static eu.vigie.cases.Fixtures.GB_REVIEWER;
import static eu.vigie.cases.Fixtures.GB_SCRUTINEER;
import static eu.vigie.cases.Fixtures.NOTIFY;
import static eu.vigie.cases.Fixtures.annexII;
import static eu.vigie.cases.Fixtures.confirmedGbCaseOn;
import static eu.vigie.cases.Fixtures.deliveryEvent;
import static eu.vigie.cases.Fixtures.issue;
import static eu.vigie.cases.Fixtures.issuedOrder;
import static eu.vigie.cases.Fixtures.notificationsWithId;
import static eu.vigie.cases.Fixtures.outboxCount;
import static eu.vigie.cases.Fixtures.platform;
import static eu.vigie.cases.Fixtures.sql;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import eu.vigie.cases.NotifyServiceMock;
import eu.vigie.cases.TestClock;
import eu.vigie.cases.client.Notification;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Cross-border orders: the copy to the home authority, its scrutiny within 72 hours, the provider's request. */
@QuarkusTest
class ScrutinyTest {

    @AfterEach
    void restore() {
        TestClock.reset();
    }

    /** A GB order to a provider established in France; answers {orderId, platformId}. */
    private static String[] crossBorderOrder() {
        String platformId = platform("FR", true);
        String orderId = issue(GB_ISSUER, confirmedGbCaseOn(platformId), "{}").statusCode(201)
                .body("status", Matchers.equalTo("ISSUED"))
                .body("crossBorder", Matchers.equalTo(true))
                .body("homeAuthorityCopied", Matchers.equalTo(true))
                .body("addressee.homeState", Matchers.equalTo("FR"))
                .body("signature.valid", Matchers.equalTo(true))
                .extract().path("id");
        return new String[] { orderId, platformId };
    }

    private static ValidatableResponse decide(String token, String orderId, String body) {
        var request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/removal-orders/{id}/scrutiny", orderId).then();
    }

    private static ValidatableResponse requestScrutiny(String token, String orderId, UUID requestId, String platformId,
            Instant at) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("""
                        {"requestId":"%s","platformId":"%s","reasons":"The content is journalism","requestedAt":"%s"}
                        """.formatted(requestId, platformId, at))
                .when().post("/api/v1/removal-orders/{id}/scrutiny-requests", orderId).then();
    }

    @Test
    void aCrossBorderOrderIsCopiedToTheHomeAuthorityAtIssue() throws Exception {
        String[] order = crossBorderOrder();
        String orderId = order[0];
        UUID copyId = Notification.idFor(UUID.fromString(orderId), "cross-border-copy");
        await().atMost(Duration.ofSeconds(20)).until(() -> notificationsWithId(copyId) == 1);
        String signature = given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", orderId)
                .then().extract().path("signature.value");
        NotifyServiceMock.server().verify(1, postRequestedFor(urlEqualTo("/api/v1/notifications"))
                .withRequestBody(matchingJsonPath("$.id", equalTo(copyId.toString())))
                .withRequestBody(matchingJsonPath("$.kind", equalTo("CROSS_BORDER_COPY")))
                .withRequestBody(matchingJsonPath("$.recipientType", equalTo("AUTHORITY")))
                .withRequestBody(matchingJsonPath("$.recipient", equalTo("FR")))
                .withRequestBody(matchingJsonPath("$.payload.crossBorder", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.payload.addressee.homeState", equalTo("FR")))
                .withRequestBody(matchingJsonPath("$.payload.signature.value", equalTo(signature))));
        // the home authority's scrutineer reads it; other French roles do not
        given().auth().oauth2(FR_SCRUTINEER).when().get("/api/v1/removal-orders/{id}", orderId)
                .then().statusCode(200).body("crossBorder", Matchers.equalTo(true));
        given().auth().oauth2(FR_REFERRER).when().get("/api/v1/removal-orders/{id}", orderId).then().statusCode(404);

        // an order to a provider established in the issuing state is not cross-border and is not copied
        String domestic = issuedOrder();
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", domestic).then()
                .body("crossBorder", Matchers.equalTo(false)).body("homeAuthorityCopied", Matchers.equalTo(false))
                .body("addressee.homeState", Matchers.equalTo("GB"));
        assertEquals(0, outboxCount(domestic, "notification.requested"));
        given().auth().oauth2(FR_SCRUTINEER).when().get("/api/v1/removal-orders/{id}", domestic).then().statusCode(404);
    }

    @Test
    void theHomeScrutineerRevokesAndTheProviderIsAskedToReinstate() throws Exception {
        String[] order = crossBorderOrder();
        String orderId = order[0];
        Instant received = TestClock.current().truncatedTo(ChronoUnit.MILLIS);
        deliveryEvent(orderId, UUID.randomUUID(), "RECEIVED", received).statusCode(200);
        annexII(orderId, order[1], UUID.randomUUID(), received.plusSeconds(300)).statusCode(200)
                .body("status", Matchers.equalTo("COMPLIED"));

        decide(FR_SCRUTINEER, orderId, "{\"decision\":\"REVOKED\",\"reasons\":\"Protected journalism\"}")
                .statusCode(200)
                .body("status", Matchers.equalTo("REVOKED"))
                .body("scrutiny.decision", Matchers.equalTo("REVOKED"))
                .body("scrutiny.reasons", Matchers.equalTo("Protected journalism"))
                .body("scrutiny.scrutinisedBy", Matchers.equalTo("fr:fr-scrutineer"))
                .body("scrutiny.revokedAt", notNullValue())
                .body("signature.valid", Matchers.equalTo(true));

        UUID reinstatement = Notification.idFor(UUID.fromString(orderId), "reinstatement");
        UUID decision = Notification.idFor(UUID.fromString(orderId), "scrutiny-decision");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> notificationsWithId(reinstatement) == 1 && notificationsWithId(decision) == 1);
        NotifyServiceMock.server().verify(1, postRequestedFor(urlEqualTo("/api/v1/notifications"))
                .withRequestBody(matchingJsonPath("$.id", equalTo(reinstatement.toString())))
                .withRequestBody(matchingJsonPath("$.kind", equalTo("REINSTATEMENT")))
                .withRequestBody(matchingJsonPath("$.platformId", equalTo(order[1])))
                .withRequestBody(matchingJsonPath("$.payload.decision", equalTo("REVOKED"))));
        NotifyServiceMock.server().verify(1, postRequestedFor(urlEqualTo("/api/v1/notifications"))
                .withRequestBody(matchingJsonPath("$.id", equalTo(decision.toString())))
                .withRequestBody(matchingJsonPath("$.kind", equalTo("SCRUTINY_DECISION")))
                .withRequestBody(matchingJsonPath("$.recipientType", equalTo("AUTHORITY")))
                .withRequestBody(matchingJsonPath("$.recipient", equalTo("GB"))));

        decide(FR_SCRUTINEER, orderId, "{\"decision\":\"UPHELD\",\"reasons\":\"second thoughts\"}").statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(GB_ISSUER).contentType(ContentType.JSON).body("{\"reasons\":\"too late\"}")
                .when().post("/api/v1/removal-orders/{id}/withdrawal", orderId).then().statusCode(409);
        String caseId = given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", orderId)
                .then().body("status", Matchers.equalTo("REVOKED")).extract().path("caseId");
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/cases/{id}", caseId).then()
                .body("history.action", hasItem("ORDER_SCRUTINISED"))
                .body("history.action", hasItem("REINSTATEMENT_REQUESTED"));
    }

    @Test
    void onlyTheHomeScrutineerDecidesAndOnlyWithinSeventyTwoHours() throws Exception {
        String orderId = crossBorderOrder()[0];
        String upheld = "{\"decision\":\"UPHELD\",\"reasons\":\"Lawful order\"}";
        decide(null, orderId, upheld).statusCode(401);
        decide(GB_SCRUTINEER, orderId, upheld).statusCode(404);
        decide(FR_ISSUER, orderId, upheld).statusCode(403);
        decide(FR_SCRUTINEER, orderId, "{}").statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("decision"));
        decide(FR_SCRUTINEER, orderId, "{\"decision\":\"MAYBE\",\"reasons\":\"x\"}").statusCode(400);
        decide(FR_SCRUTINEER, UUID.randomUUID().toString(), upheld).statusCode(404);
        decide(FR_SCRUTINEER, issuedOrder(), upheld).statusCode(404);

        TestClock.advance(Duration.ofHours(72).plusMinutes(1));
        decide(FR_SCRUTINEER, orderId, upheld).statusCode(422)
                .body("type", Matchers.equalTo("urn:vigie:problem:scrutiny-period-ended"));
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", orderId).then()
                .body("status", Matchers.equalTo("ISSUED")).body("scrutiny", nullValue());
        TestClock.reset();

        String second = crossBorderOrder()[0];
        TestClock.advance(Duration.ofHours(71));
        decide(FR_SCRUTINEER, second, upheld).statusCode(200)
                .body("status", Matchers.equalTo("ISSUED"))
                .body("scrutiny.decision", Matchers.equalTo("UPHELD"))
                .body("scrutiny.revokedAt", nullValue());
        UUID decision = Notification.idFor(UUID.fromString(second), "scrutiny-decision");
        await().atMost(Duration.ofSeconds(20)).until(() -> notificationsWithId(decision) == 1);
        assertEquals(0, notificationsWithId(Notification.idFor(UUID.fromString(second), "reinstatement")));
    }

    @Test
    void aProvidersRequestForScrutinyIsRecordedOnceWithinFortyEightHours() throws Exception {
        String[] order = crossBorderOrder();
        String orderId = order[0];
        Instant received = TestClock.current().truncatedTo(ChronoUnit.SECONDS);
        deliveryEvent(orderId, UUID.randomUUID(), "RECEIVED", received).statusCode(200);
        UUID requestId = UUID.randomUUID();

        requestScrutiny(GB_ISSUER, orderId, requestId, order[1], received.plusSeconds(3600)).statusCode(403);
        requestScrutiny(NOTIFY, orderId, UUID.randomUUID(), "someone-else", received.plusSeconds(3600))
                .statusCode(422).body("type", Matchers.equalTo("urn:vigie:problem:wrong-platform"));
        requestScrutiny(NOTIFY, orderId, UUID.randomUUID(), order[1], received.plus(Duration.ofHours(49)))
                .statusCode(422).body("type", Matchers.equalTo("urn:vigie:problem:scrutiny-request-late"));
        given().auth().oauth2(NOTIFY).contentType(ContentType.JSON).body("{\"requestId\":\"" + requestId + "\"}")
                .when().post("/api/v1/removal-orders/{id}/scrutiny-requests", orderId).then().statusCode(400);

        requestScrutiny(NOTIFY, orderId, requestId, order[1], received.plusSeconds(3600)).statusCode(200)
                .body("scrutinyRequests", hasSize(1))
                .body("scrutinyRequests[0].requestId", Matchers.equalTo(requestId.toString()))
                .body("scrutinyRequests[0].reasons", Matchers.equalTo("The content is journalism"));
        requestScrutiny(NOTIFY, orderId, requestId, order[1], received.plusSeconds(3600)).statusCode(200)
                .body("scrutinyRequests", hasSize(1));
        assertEquals("1", sql("SELECT count(*) FROM audit_record WHERE subject_id = '" + orderId
                + "' AND action = 'SCRUTINY_REQUESTED'").toString());

        String otherCrossBorder = crossBorderOrder()[0];
        requestScrutiny(NOTIFY, otherCrossBorder, requestId, order[1], received).statusCode(409);
        String domestic = issuedOrder();
        requestScrutiny(NOTIFY, domestic, UUID.randomUUID(), "examplevideo", Instant.now()).statusCode(422)
                .body("type", Matchers.equalTo("urn:vigie:problem:not-cross-border"));
    }
}
