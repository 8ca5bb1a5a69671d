package eu.vigie.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import eu.vigie.local.Suite;
import io.restassured.path.json.JsonPath;

/**
 * A platform receives an order and never answers: when the deadline passes the order is overdue, and
 * the UK regulator is sent a breach notice with the evidence pack, which the regulator can see in the
 * proof of delivery. (The deadline is case-service's {@code vigie.case.compliance-period}, shortened
 * for this test deployment only.)
 */
@ExtendWith(SuiteExtension.class)
class OverdueEscalationTest {

    static final String PLATFORM = "examplestream";
    static Vigie vigie;
    static Suite suite;

    @BeforeAll
    static void connect() {
        suite = SuiteExtension.suite();
        vigie = new Vigie(suite);
        vigie.registerPlatform(PLATFORM, "stream.example", "GB");
    }

    @Test
    void anOrderNotCompliedWithByItsDeadlineIsEscalatedToTheRegulator() {
        String referralId = vigie.referText("gb", "gb-referrer", "https://stream.example/live/" + UUID.randomUUID(),
                "Overdue scenario " + UUID.randomUUID() + ": livestream of an attack, kill them all, glory to the attackers");
        String caseId = vigie.awaitCase("gb", "gb-referrer", referralId);
        vigie.assessTerrorist("gb", "gb-reviewer", caseId);
        String orderId = vigie.issueOrder("gb", "gb-issuer", caseId, "CTIRU-E2E-OVERDUE");

        JsonPath received = vigie.awaitOrder("gb", "gb-issuer", orderId, Vigie.HOP, o -> o.getString("receivedAt") != null);
        Instant deadline = Instant.parse(received.getString("deadlineAt"));
        assertEquals(Instant.parse(received.getString("receivedAt")).plus(SuiteExtension.COMPLIANCE_PERIOD), deadline);

        // The platform says nothing. The order goes overdue once the deadline has passed, not before.
        JsonPath overdue = vigie.awaitOrder("gb", "gb-regulator", orderId,
                SuiteExtension.COMPLIANCE_PERIOD.plus(Vigie.HOP), o -> !"RECEIVED".equals(o.getString("status")));
        assertEquals("OVERDUE", overdue.getString("status"), overdue.prettify());
        Instant overdueAt = Instant.parse(overdue.getString("overdueAt"));
        assertFalse(overdueAt.isBefore(deadline), "overdue at " + overdueAt + " before the deadline " + deadline);

        // The breach notice reaches the UK regulator (an authority, by e-mail: sent, never a "receipt"), and
        // nothing about the breach goes to the platform.
        String regulator = vigie.user("gb", "gb-regulator");
        Map<String, Object> notice = await().atMost(Vigie.HOP).pollInterval(Duration.ofMillis(500)).until(() -> {
            List<Map<String, Object>> items = vigie.as(regulator, "notify-service").queryParam("subjectId", orderId)
                    .get("/api/v1/deliveries").then().statusCode(200).extract().jsonPath().getList("items");
            return items.stream().filter(d -> "BREACH_NOTICE".equals(d.get("kind"))).findFirst().orElse(null);
        }, n -> n != null && n.get("sentAt") != null);
        assertEquals("AUTHORITY", notice.get("recipientType"));
        assertEquals("GB", notice.get("recipient"));
        assertEquals(PLATFORM, notice.get("platformConcerned"));
        assertTrue(vigie.deliveries(orderId).stream().noneMatch(d -> "BREACH_NOTICE".equals(d.get("kind"))
                && "PLATFORM".equals(d.get("recipientType"))), "a breach notice went to the platform");
        // France's regulator sees nothing of a British order's deliveries.
        List<Object> french = vigie.as(vigie.user("fr", "fr-regulator"), "notify-service").queryParam("subjectId", orderId)
                .get("/api/v1/deliveries").then().statusCode(200).extract().jsonPath().getList("items");
        assertTrue(french.isEmpty(), "the fr regulator sees gb deliveries: " + french);

        // The breach is on the case's audit trail, and late compliance afterwards is recorded as late.
        assertTrue(vigie.as(regulator, "case-service").get("/api/v1/cases/" + caseId + "/audit").then().statusCode(200)
                .extract().asString().contains("BREACH_NOTICE_SENT"));
        vigie.as(vigie.platform(PLATFORM), "notify-service").body(Map.of("form", "ANNEX_II", "action", "DISABLED",
                "actionAt", Instant.now().toString(), "reference", "LATE-1"))
                .post("/api/v1/removal-orders/" + orderId + "/feedback").then().statusCode(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(202)));
        JsonPath late = vigie.awaitOrder("gb", "gb-issuer", orderId, Vigie.HOP, o -> "COMPLIED".equals(o.getString("status")));
        assertEquals(overdueAt, Instant.parse(late.getString("overdueAt")), "the breach stays on record");
    }
}
