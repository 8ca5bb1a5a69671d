package eu.vigie.notify.service;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;

import eu.vigie.notify.Fixtures;
import eu.vigie.notify.NotificationKind;
import eu.vigie.notify.RecipientType;
import eu.vigie.notify.WireMockNeighbours;
import eu.vigie.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Platforms integrate with their own tooling: real deliveries, captured by WireMock standing in for
 * the platform, must verify with the official Standard Webhooks Java library
 * ({@code com.standardwebhooks:standardwebhooks}) given the secret exactly as it was registered
 * ({@code whsec_...}), and that library must reject what a platform has to reject.
 */
@QuarkusTest
@WithTestResource(WireMockNeighbours.class)
class StandardWebhooksLibraryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void everyKindSentByWebhookVerifiesWithTheOfficialLibrary() {
        String platform = Fixtures.uniqueId("stdlib");
        String secret = Fixtures.newSecret();
        Fixtures.registerPlatform(platform, secret);
        Webhook platformVerifier = new Webhook(secret);
        Webhook authorityVerifier = new Webhook(WireMockNeighbours.DE_AUTHORITY_SECRET);
        Set<NotificationKind> verified = EnumSet.noneOf(NotificationKind.class);

        for (NotificationKind kind : NotificationKind.values()) {
            if (kind.mayGoTo(RecipientType.PLATFORM)) {
                UUID id = UUID.randomUUID();
                Fixtures.notifyOrder(id, platform, UUID.randomUUID(), "GB", kind.name());
                LoggedRequest call = await().atMost(WAIT).until(() -> calls("/hooks/" + platform, id),
                        c -> c.size() == 1).get(0);
                assertDoesNotThrow(() -> platformVerifier.verify(call.getBodyAsString(), headers(call)),
                        kind + " to a platform");
                assertEquals(kind.eventType(), JsonPath.from(call.getBodyAsString()).getString("type"));
                verified.add(kind);
            }
            // Breach notices go to regulators, whose only contact point is e-mail (Recipients.authority).
            if (kind.mayGoTo(RecipientType.AUTHORITY) && kind != NotificationKind.BREACH_NOTICE) {
                UUID id = UUID.randomUUID();
                given().auth().oauth2(TestTokens.service("case-service")).contentType(ContentType.JSON)
                        .body(Fixtures.authorityNotification(id, kind.name(), "DE", UUID.randomUUID()))
                        .when().post("/api/v1/notifications")
                        .then().statusCode(202);
                LoggedRequest call = await().atMost(WAIT).until(() -> calls("/authority/DE", id),
                        c -> c.size() == 1).get(0);
                assertDoesNotThrow(() -> authorityVerifier.verify(call.getBodyAsString(), headers(call)),
                        kind + " to an authority");
                assertEquals(kind.eventType(), JsonPath.from(call.getBodyAsString()).getString("type"));
                verified.add(kind);
            }
        }

        assertEquals(EnumSet.complementOf(EnumSet.of(NotificationKind.BREACH_NOTICE)), verified);
    }

    @Test
    void duringARotationOverlapEachSecretVerifiesAloneAndAfterItOnlyTheNewOne() {
        String platform = Fixtures.uniqueId("stdrot");
        String oldSecret = Fixtures.newSecret();
        String newSecret = Fixtures.newSecret();
        Fixtures.registerPlatform(platform, oldSecret);
        rotate(platform, newSecret, 3600);
        UUID during = UUID.randomUUID();

        Fixtures.notifyOrder(during, platform, UUID.randomUUID(), "GB");

        LoggedRequest call = await().atMost(WAIT).until(() -> calls("/hooks/" + platform, during), c -> c.size() == 1)
                .get(0);
        assertEquals(2, call.getHeader("webhook-signature").split(" ").length);
        assertDoesNotThrow(() -> new Webhook(oldSecret).verify(call.getBodyAsString(), headers(call)), "previous secret");
        assertDoesNotThrow(() -> new Webhook(newSecret).verify(call.getBodyAsString(), headers(call)), "current secret");
        assertThrows(WebhookVerificationException.class,
                () -> new Webhook(Fixtures.newSecret()).verify(call.getBodyAsString(), headers(call)));

        // A rotation without overlap: the secret it replaced signs nothing any more.
        String thirdSecret = Fixtures.newSecret();
        rotate(platform, thirdSecret, 0);
        UUID after = UUID.randomUUID();
        Fixtures.notifyOrder(after, platform, UUID.randomUUID(), "GB");
        LoggedRequest next = await().atMost(WAIT).until(() -> calls("/hooks/" + platform, after), c -> c.size() == 1)
                .get(0);
        assertDoesNotThrow(() -> new Webhook(thirdSecret).verify(next.getBodyAsString(), headers(next)));
        assertThrows(WebhookVerificationException.class,
                () -> new Webhook(newSecret).verify(next.getBodyAsString(), headers(next)));
        assertThrows(WebhookVerificationException.class,
                () -> new Webhook(oldSecret).verify(next.getBodyAsString(), headers(next)));
    }

    @Test
    void theLibraryRejectsATamperedBodyOrIdAWrongSecretAndAStaleTimestamp() {
        String platform = Fixtures.uniqueId("stdneg");
        String secret = Fixtures.newSecret();
        Fixtures.registerPlatform(platform, secret);
        UUID id = UUID.randomUUID();
        Fixtures.notifyOrder(id, platform, UUID.randomUUID(), "GB");
        LoggedRequest call = await().atMost(WAIT).until(() -> calls("/hooks/" + platform, id), c -> c.size() == 1)
                .get(0);
        String body = call.getBodyAsString();
        Webhook verifier = new Webhook(secret);
        assertDoesNotThrow(() -> verifier.verify(body, headers(call)), "the genuine delivery");

        // Tampered body: one changed character, or JSON re-serialised with other spacing.
        String tampered = body.replace("CTIRU-2026-", "CTIRU-2025-");
        assertEquals(false, tampered.equals(body));
        assertEquals("No matching signature found",
                assertThrows(WebhookVerificationException.class, () -> verifier.verify(tampered, headers(call))).getMessage());
        assertThrows(WebhookVerificationException.class, () -> verifier.verify(body.replace(",", ", "), headers(call)));

        // Another webhook-id under the same signature (a receiver's de-duplication key cannot be forged).
        Map<String, List<String>> otherId = headers(call);
        otherId.put("webhook-id", List.of(UUID.randomUUID().toString()));
        assertThrows(WebhookVerificationException.class, () -> verifier.verify(body, otherId));

        // The wrong secret.
        assertThrows(WebhookVerificationException.class, () -> new Webhook(Fixtures.newSecret()).verify(body, headers(call)));

        // A stale timestamp, correctly signed with the right secret (a captured delivery replayed ten minutes later).
        long stale = Instant.now().minusSeconds(600).getEpochSecond();
        Map<String, List<String>> staleHeaders = resigned(call, body, secret, stale);
        assertEquals("Message timestamp too old",
                assertThrows(WebhookVerificationException.class, () -> verifier.verify(body, staleHeaders)).getMessage());
        // The control: the same signing at the present time verifies, so only the timestamp was refused.
        Map<String, List<String>> freshHeaders = resigned(call, body, secret, Instant.now().getEpochSecond());
        assertDoesNotThrow(() -> verifier.verify(body, freshHeaders));

        // Missing headers.
        Map<String, List<String>> unsigned = headers(call);
        unsigned.remove("webhook-signature");
        assertEquals("Missing required headers",
                assertThrows(WebhookVerificationException.class, () -> verifier.verify(body, unsigned)).getMessage());
    }

    @Test
    void theSignerAgreesWithTheLibraryOnTheReferenceVector() throws Exception {
        // The official library signs the specification's reference vector as our signer does.
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        assertEquals(expected, new Webhook(secret).sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}"));
        assertEquals(expected, WebhookSigner.signature("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}", List.of(key(secret))));
    }

    private static Map<String, List<String>> resigned(LoggedRequest call, String body, String secret, long timestamp) {
        Map<String, List<String>> headers = headers(call);
        headers.put("webhook-timestamp", List.of(Long.toString(timestamp)));
        headers.put("webhook-signature", List.of(
                WebhookSigner.signature(call.getHeader("webhook-id"), timestamp, body, List.of(key(secret)))));
        return headers;
    }

    private static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    private static void rotate(String platform, String secret, long overlapSeconds) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"secret\":\"" + secret + "\",\"overlapSeconds\":" + overlapSeconds + "}")
                .when().post("/api/v1/platforms/" + platform + "/webhook-secret")
                .then().statusCode(200).body("webhookSecretSet", notNullValue());
    }

    /** The request's headers as the library takes them (names as sent; it looks them up ignoring case). */
    static Map<String, List<String>> headers(LoggedRequest call) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : call.getHeaders().all()) {
            headers.put(header.key().toLowerCase(java.util.Locale.ROOT), new ArrayList<>(header.values()));
        }
        return headers;
    }

    private static List<LoggedRequest> calls(String path, UUID webhookId) {
        return WireMockNeighbours.platforms.findAll(postRequestedFor(urlEqualTo(path))).stream()
                .filter(r -> webhookId.toString().equals(r.getHeader("webhook-id"))).toList();
    }
}
