package eu.vigie.notify.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import eu.vigie.notify.Fixtures;
import eu.vigie.notify.WireMockNeighbours;
import eu.vigie.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(WireMockNeighbours.class)
class ScrutinyRequestResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REASONS = "{\"reasons\":\"The content is journalism protected by Art. 1(3)\"}";

    /** A platform established in IE with an order of GB notified to it (cross-border); returns the order id. */
    private static UUID crossBorderOrderFor(String platform, UUID notification) {
        Fixtures.registerPlatform(platform, null);
        UUID order = UUID.randomUUID();
        Fixtures.notifyOrder(notification, platform, order, "GB");
        return order;
    }

    private static io.restassured.response.ValidatableResponse request(String token, UUID order, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/removal-orders/" + order + "/scrutiny-requests").then();
    }

    @Test
    void crossBorderRequestIsStoredAndForwardedToCaseService() {
        String platform = Fixtures.uniqueId("scrutiny");
        UUID order = crossBorderOrderFor(platform, UUID.randomUUID());

        String id = request(TestTokens.platform(platform), order, REASONS)
                .statusCode(202)
                .body("removalOrderId", equalTo(order.toString()))
                .body("reasons", equalTo("The content is journalism protected by Art. 1(3)"))
                .body("requestedAt", notNullValue())
                .extract().path("id");

        List<JsonPath> forwarded = await().atMost(WAIT).until(() -> forwarded(order), f -> f.size() == 1);
        JsonPath body = forwarded.get(0);
        assertEquals(id, body.getString("requestId"));
        assertEquals(platform, body.getString("platformId"));
        assertEquals("The content is journalism protected by Art. 1(3)", body.getString("reasons"));
        assertEquals(Fixtures.sql("select to_char(requested_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS')"
                + " from scrutiny_request where id = '" + id + "'"), body.getString("requestedAt").substring(0, 19));
    }

    @Test
    void replayAnswersTheSameRequestAndOtherReasonsConflict() {
        String platform = Fixtures.uniqueId("scrutreplay");
        UUID order = crossBorderOrderFor(platform, UUID.randomUUID());
        String first = request(TestTokens.platform(platform), order, REASONS).statusCode(202).extract().path("id");

        request(TestTokens.platform(platform), order, REASONS).statusCode(202).body("id", equalTo(first));
        request(TestTokens.platform(platform), order, "{\"reasons\":\"Something else\"}")
                .statusCode(409).contentType("application/problem+json");

        assertEquals(1, Fixtures.count("select count(*) from scrutiny_request where removal_order_id = '" + order + "'"));
        assertEquals(1, Fixtures.count("select count(*) from outbox_message where topic = 'scrutiny-request.received'"
                + " and payload like '%" + order + "%'"));
    }

    @Test
    void orderOfThePlatformsOwnJurisdictionIsNotCrossBorder() {
        String platform = Fixtures.uniqueId("domestic");
        Fixtures.registerPlatform(platform, null);
        UUID order = UUID.randomUUID();
        Fixtures.notifyOrder(UUID.randomUUID(), platform, order, "IE");

        request(TestTokens.platform(platform), order, REASONS)
                .statusCode(422).contentType("application/problem+json");
        assertEquals(0, Fixtures.count("select count(*) from scrutiny_request where removal_order_id = '" + order + "'"));
    }

    @Test
    void after48HoursTheRequestIsUnprocessableAndNothingIsStored() {
        String platform = Fixtures.uniqueId("late");
        UUID notification = UUID.randomUUID();
        UUID order = crossBorderOrderFor(platform, notification);
        Fixtures.update("update notification set created_at = now() - interval '48 hours 1 minute' where id = '"
                + notification + "'");

        request(TestTokens.platform(platform), order, REASONS)
                .statusCode(422).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("48 hours"));
        assertEquals(0, Fixtures.count("select count(*) from scrutiny_request where removal_order_id = '" + order + "'"));

        // Just inside the window it is taken.
        Fixtures.update("update notification set created_at = now() - interval '47 hours 59 minutes' where id = '"
                + notification + "'");
        request(TestTokens.platform(platform), order, REASONS).statusCode(202);
    }

    @Test
    void onlyThePlatformAddressedMayRequestAndBadInputChangesNothing() {
        String platform = Fixtures.uniqueId("addressed");
        String other = Fixtures.uniqueId("stranger");
        UUID order = crossBorderOrderFor(platform, UUID.randomUUID());
        Fixtures.registerPlatform(other, null);

        given().contentType(ContentType.JSON).body(REASONS)
                .when().post("/api/v1/removal-orders/" + order + "/scrutiny-requests").then().statusCode(401);
        request(TestTokens.admin(), order, REASONS).statusCode(403);
        request(TestTokens.gb("gb-issuer", "issuer"), order, REASONS).statusCode(403);
        request(TestTokens.platform(other), order, REASONS).statusCode(404).contentType("application/problem+json");
        request(TestTokens.platform(platform), order, "{\"reasons\":\"  \"}").statusCode(400)
                .contentType("application/problem+json");
        request(TestTokens.platform(platform), order, "{}").statusCode(400).contentType("application/problem+json");
        request(TestTokens.platform(platform), order, "{\"reasons\":\"" + "x".repeat(4001) + "\"}").statusCode(400);
        given().auth().oauth2(TestTokens.platform(platform)).contentType(ContentType.JSON).body(REASONS)
                .when().post("/api/v1/removal-orders/not-a-uuid/scrutiny-requests").then().statusCode(404);
        assertEquals(0, Fixtures.count("select count(*) from scrutiny_request where removal_order_id = '" + order + "'"));
    }

    @Test
    void caseServiceDownIsRetriedUntilItTakesTheRequest() {
        String platform = Fixtures.uniqueId("scrutdown");
        UUID order = crossBorderOrderFor(platform, UUID.randomUUID());
        String path = "/api/v1/removal-orders/" + order + "/scrutiny-requests";
        StubMapping down = WireMockNeighbours.caseService.stubFor(post(urlEqualTo(path))
                .willReturn(aResponse().withStatus(503)));

        request(TestTokens.platform(platform), order, REASONS).statusCode(202);
        await().atMost(WAIT).until(() -> forwarded(order).size() >= 2);
        WireMockNeighbours.caseService.removeStub(down);

        await().atMost(WAIT).until(() -> Fixtures.count("select count(*) from outbox_message where topic ="
                + " 'scrutiny-request.received' and payload like '%" + order + "%' and delivered_at is not null") == 1);
        assertEquals(1, Fixtures.count("select count(*) from scrutiny_request where removal_order_id = '" + order + "'"));
    }

    private static List<JsonPath> forwarded(UUID order) {
        return WireMockNeighbours.caseService
                .findAll(postRequestedFor(urlEqualTo("/api/v1/removal-orders/" + order + "/scrutiny-requests")))
                .stream().map(r -> JsonPath.from(r.getBodyAsString())).toList();
    }
}
