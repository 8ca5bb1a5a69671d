package eu.vigie.notify.service;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import eu.vigie.notify.Fixtures;
import eu.vigie.notify.WireMockNeighbours;
import eu.vigie.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * DNS rebinding: a webhook's name is resolved once per attempt, every address it answers is checked,
 * and the request goes to the checked address, in the name of the URL's host. The test allow-list is
 * {@code 127.0.0.1,localhost} (WireMockNeighbours); names under {@code .rebind.test} are pointed by
 * the test's resolver ({@link TestHostResolver}), which no real DNS server answers.
 */
@QuarkusTest
@WithTestResource(WireMockNeighbours.class)
class WebhookTargetPinningTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aNameRepointedAtLoopbackAfterRegistrationIsRefusedAtDeliveryThenDeliveredToTheCheckedAddress() {
        String platform = Fixtures.uniqueId("rebind");
        String name = platform + ".rebind.test";
        int port = WireMockNeighbours.platforms.port();
        String url = "http://" + name + ":" + port + "/hooks/" + platform;
        // At registration the name answers a public address: the registry accepts it.
        TestHostResolver.point(name, "198.51.100.7");
        register(platform, url).statusCode(201);
        // Then its DNS answers a loopback address that is not allow-listed.
        TestHostResolver.point(name, "127.0.0.2");
        UUID order = UUID.randomUUID();
        UUID id = UUID.randomUUID();

        Fixtures.notifyOrder(id, platform, order, "GB");

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.admin())
                .queryParam("subjectId", order.toString())
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .body("items.channel", contains("INBOX", "WEBHOOK"))
                .body("items[1].status", equalTo("PENDING"))
                .body("items[1].sentAt", nullValue())
                .body("items[1].attempts.size()", greaterThanOrEqualTo(2))
                .body("items[1].attempts.statusCode", everyItem(nullValue()))
                .body("items[1].attempts.error", everyItem(startsWith("target refused")))
                .body("items[1].attempts[0].target", equalTo(url)));
        assertTrue(calls(platform).isEmpty(), "nothing reached any address");

        // The name now answers the allow-listed loopback address: the next retry connects to exactly that
        // address (no real DNS server knows the name) and still speaks in the name of the URL's host.
        TestHostResolver.point(name, "127.0.0.1");
        LoggedRequest call = await().atMost(WAIT).until(() -> calls(platform), c -> c.size() == 1).get(0);
        assertEquals(name + ":" + port, call.getHeader("Host"));
        assertEquals(id.toString(), call.getHeader("webhook-id"));
        await().atMost(WAIT).until(() -> Fixtures.sql("select status from delivery where notification_id = '" + id
                + "' and channel = 'WEBHOOK'"), "DELIVERED"::equals);
    }

    @Test
    void aNameAnsweringAPublicAndALoopbackAddressIsRefusedAtRegistrationAndAtDelivery() {
        String platform = Fixtures.uniqueId("mixed");
        String name = platform + ".rebind.test";
        String url = "http://" + name + ":" + WireMockNeighbours.platforms.port() + "/hooks/" + platform;
        TestHostResolver.point(name, "198.51.100.8", "127.0.0.3");

        register(platform, url).statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("loopback"));
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/platforms/" + platform)
                .then().statusCode(404);

        // Registered while it answered only the public address, then given a second, internal answer.
        TestHostResolver.point(name, "198.51.100.8");
        register(platform, url).statusCode(201);
        TestHostResolver.point(name, "198.51.100.8", "127.0.0.3");
        UUID order = UUID.randomUUID();
        Fixtures.notifyOrder(UUID.randomUUID(), platform, order, "GB");

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.admin())
                .queryParam("subjectId", order.toString())
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .body("items[1].attempts.size()", greaterThanOrEqualTo(1))
                .body("items[1].attempts[0].statusCode", nullValue())
                .body("items[1].attempts[0].error", startsWith("target refused"))
                .body("items[1].sentAt", nullValue()));
    }

    @Test
    void localhostAllowListedByNameIsDeliveredInItsName() {
        String platform = Fixtures.uniqueId("local");
        int port = WireMockNeighbours.platforms.port();
        register(platform, "http://localhost:" + port + "/hooks/" + platform).statusCode(201);
        UUID id = UUID.randomUUID();

        Fixtures.notifyOrder(id, platform, UUID.randomUUID(), "GB");

        LoggedRequest call = await().atMost(WAIT).until(() -> calls(platform), c -> c.size() == 1).get(0);
        assertEquals("localhost:" + port, call.getHeader("Host"));
        await().atMost(WAIT).until(() -> Fixtures.sql("select status from delivery where notification_id = '" + id
                + "' and channel = 'WEBHOOK'"), "DELIVERED"::equals);
    }

    private static io.restassured.response.ValidatableResponse register(String platform, String url) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("""
                        {"id":"%s","name":"Platform %s","hostnames":["%s.test"],"homeJurisdiction":"IE",
                         "email":"abuse@%s.test","languages":["en"],"webhookUrl":"%s","webhookSecret":"%s"}
                        """.formatted(platform, platform, platform, platform, url, Fixtures.newSecret()))
                .when().post("/api/v1/platforms")
                .then();
    }

    private static List<LoggedRequest> calls(String platform) {
        return WireMockNeighbours.platforms.findAll(postRequestedFor(urlEqualTo("/hooks/" + platform)));
    }
}
