package eu.vigie.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import eu.vigie.local.DemoPlatform;
import eu.vigie.local.Suite;
import io.restassured.path.json.JsonPath;

/**
 * A cross-border order: the UK issues it to a provider established in France; France's home authority
 * gets a copy, scrutinises it within 72 hours and revokes it; the order lapses and the provider is
 * asked, by a signed webhook, to reinstate the content.
 */
@ExtendWith(SuiteExtension.class)
class CrossBorderScrutinyTest {

    static final String PLATFORM = "examplefrance";
    static Vigie vigie;
    static Suite suite;

    @BeforeAll
    static void connect() {
        suite = SuiteExtension.suite();
        vigie = new Vigie(suite);
        vigie.registerPlatform(PLATFORM, "france.example", "FR");
    }

    @Test
    void homeAuthorityRevokesACrossBorderOrderAndThePlatformIsAskedToReinstate() {
        String orderId = vigie.gbOrderFor("https://france.example/v/" + UUID.randomUUID(),
                "Cross-border scenario " + UUID.randomUUID() + ": satirical video mocking a terrorist group", "CTIRU-E2E-XB");

        JsonPath issued = vigie.order("gb", "gb-issuer", orderId);
        assertEquals(Boolean.TRUE, issued.get("crossBorder"));
        assertEquals("FR", issued.getString("addressee.homeState"));
        // Delivered to the platform, and a copy to the French home authority.
        vigie.awaitOrder("gb", "gb-issuer", orderId, Vigie.HOP, o -> o.getString("receivedAt") != null);
        String orderWebhook = await().atMost(Vigie.HOP).until(() -> webhookAbout(orderId, "removal_order.issued"), id -> id != null);
        await().atMost(Vigie.HOP).until(() -> vigie.deliveries(orderId).stream().anyMatch(d ->
                "CROSS_BORDER_COPY".equals(d.get("kind")) && "AUTHORITY".equals(d.get("recipientType"))
                        && "FR".equals(d.get("recipient"))));
        assertEquals(Boolean.TRUE, vigie.order("gb", "gb-issuer", orderId).get("homeAuthorityCopied"));

        // The French scrutineer reads the order addressed to a provider established in France.
        vigie.order("fr", "fr-scrutineer", orderId);
        // The UK's own scrutineer is not the home authority; a French issuer is not a scrutineer.
        Map<String, Object> revoke = Map.of("decision", "REVOKED",
                "reasons", "Satire protected by freedom of expression: not terrorist content under Art. 2(7)");
        vigie.as(vigie.user("gb", "gb-scrutineer"), "case-service").body(revoke)
                .post("/api/v1/removal-orders/" + orderId + "/scrutiny").then().statusCode(anyOf(is(403), is(404)));
        vigie.as(vigie.user("fr", "fr-issuer"), "case-service").body(revoke)
                .post("/api/v1/removal-orders/" + orderId + "/scrutiny").then().statusCode(403);
        // A decision without reasons changes nothing.
        vigie.as(vigie.user("fr", "fr-scrutineer"), "case-service").body(Map.of("decision", "REVOKED"))
                .post("/api/v1/removal-orders/" + orderId + "/scrutiny").then().statusCode(400)
                .contentType("application/problem+json");

        JsonPath revoked = vigie.as(vigie.user("fr", "fr-scrutineer"), "case-service").body(revoke)
                .post("/api/v1/removal-orders/" + orderId + "/scrutiny").then().statusCode(200).extract().jsonPath();
        assertEquals("REVOKED", revoked.getString("status"));
        assertEquals("REVOKED", revoked.getString("scrutiny.decision"));
        assertTrue(revoked.getString("scrutiny.revokedAt") != null);
        // Decided once.
        vigie.as(vigie.user("fr", "fr-scrutineer"), "case-service").body(revoke)
                .post("/api/v1/removal-orders/" + orderId + "/scrutiny").then().statusCode(409);

        // The platform receives the reinstatement request as a second, separately signed webhook...
        String reinstatementWebhook = await().atMost(Vigie.HOP)
                .until(() -> webhookAbout(orderId, "content.reinstatement_required"), id -> id != null);
        assertTrue(!reinstatementWebhook.equals(orderWebhook));
        // ...and the proof of it is on record, beside the decision sent to the issuing authority.
        await().atMost(Vigie.HOP).until(() -> {
            List<Map<String, Object>> deliveries = vigie.deliveries(orderId);
            return deliveries.stream().anyMatch(d -> "REINSTATEMENT".equals(d.get("kind")) && PLATFORM.equals(d.get("platformId"))
                    && d.get("receivedAt") != null)
                    && deliveries.stream().anyMatch(d -> "SCRUTINY_DECISION".equals(d.get("kind")) && "GB".equals(d.get("recipient")));
        });
        // The platform cannot answer a revoked order with Annex II any more: the order stays revoked.
        vigie.as(vigie.platform(PLATFORM), "notify-service").body(Map.of("form", "ANNEX_II", "action", "REMOVED",
                "actionAt", java.time.Instant.now().toString())).post("/api/v1/removal-orders/" + orderId + "/feedback");
        assertEquals("REVOKED", vigie.order("gb", "gb-issuer", orderId).getString("status"));
    }

    /** The webhook-id of the verified webhook of Standard Webhooks {@code type} about {@code orderId}, or null. */
    static String webhookAbout(String orderId, String type) {
        return suite.demoPlatform().received().stream()
                .filter(r -> r.body().contains(orderId) && type.equals(JsonPath.from(r.body()).getString("type")))
                .map(DemoPlatform.Received::webhookId).findFirst().orElse(null);
    }
}
