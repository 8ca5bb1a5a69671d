package eu.vigie.e2e;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import eu.vigie.local.Suite;
import io.restassured.path.json.JsonPath;

/**
 * Annex III: the platform cannot execute the order without clarification, so the clock stops (the
 * order does not go overdue while suspended, even past its first deadline); the issuing authority
 * gives the clarification and the clock resumes with exactly the time that was left.
 */
@ExtendWith(SuiteExtension.class)
class AnnexIIISuspensionTest {

    static final String PLATFORM = "exampleforum";
    static Vigie vigie;
    static Suite suite;

    @BeforeAll
    static void connect() {
        suite = SuiteExtension.suite();
        vigie = new Vigie(suite);
        vigie.registerPlatform(PLATFORM, "forum.example", "GB");
    }

    @Test
    void annexIIIStopsTheClockAndResumptionGivesBackTheTimeLeft() throws Exception {
        String orderId = vigie.gbOrderFor("https://forum.example/t/" + UUID.randomUUID(),
                "Annex III scenario " + UUID.randomUUID() + ": the martyrs of the attack are heroes, do the same", "CTIRU-E2E-ANNEX-III");

        JsonPath received = vigie.awaitOrder("gb", "gb-issuer", orderId, Vigie.HOP, o -> o.getString("receivedAt") != null);
        Instant firstDeadline = Instant.parse(received.getString("deadlineAt"));
        assertEquals(Instant.parse(received.getString("receivedAt")).plus(SuiteExtension.COMPLIANCE_PERIOD), firstDeadline);

        // The platform cannot act: the order lacks what it needs to find the content. It asks for clarification.
        String platform = vigie.platform(PLATFORM);
        vigie.as(platform, "notify-service").body(Map.of("form", "ANNEX_III", "reason", "INSUFFICIENT_INFORMATION",
                "explanation", "The URL resolves to a thread of 4,000 posts; which post is meant?",
                "clarificationRequested", true, "reference", "FORUM-TKT-7"))
                .post("/api/v1/removal-orders/" + orderId + "/feedback")
                .then().statusCode(anyOf(is(200), is(202)));

        JsonPath suspended = vigie.awaitOrder("gb", "gb-issuer", orderId, Vigie.HOP,
                o -> "SUSPENDED".equals(o.getString("status")));
        assertEquals("INSUFFICIENT_INFORMATION", suspended.getString("suspension.reason"));
        long remaining = suspended.getLong("suspension.remainingSeconds");
        Instant suspendedAt = Instant.parse(suspended.getString("suspension.suspendedAt"));
        assertTrue(remaining >= 0 && remaining <= SuiteExtension.COMPLIANCE_PERIOD.toSeconds(), "remaining " + remaining);
        assertEquals(Math.max(0, Duration.between(suspendedAt, firstDeadline).getSeconds()), remaining, 1,
                "the time left is the time from the suspension to the deadline");

        // The first deadline passes while suspended: the overdue watch (every second here) leaves the order alone.
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), firstDeadline).toMillis()) + 3_000);
        assertEquals("SUSPENDED", vigie.order("gb", "gb-issuer", orderId).getString("status"));
        // Only the issuing authority ends a suspension; the platform, a reviewer or France cannot.
        vigie.as(vigie.user("gb", "gb-reviewer"), "case-service").body(Map.of("reasons", "x"))
                .post("/api/v1/removal-orders/" + orderId + "/resumption").then().statusCode(403);
        vigie.as(vigie.user("fr", "fr-issuer"), "case-service").body(Map.of("reasons", "x"))
                .post("/api/v1/removal-orders/" + orderId + "/resumption").then().statusCode(anyOf(is(403), is(404)));
        vigie.as(vigie.user("gb", "gb-issuer"), "case-service").body(Map.of("reasons", " "))
                .post("/api/v1/removal-orders/" + orderId + "/resumption").then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals("SUSPENDED", vigie.order("gb", "gb-issuer", orderId).getString("status"));

        // The clarification is given: the clock resumes with the time that was left.
        Instant before = Instant.now().minusSeconds(1);
        JsonPath resumed = vigie.as(vigie.user("gb", "gb-issuer"), "case-service")
                .body(Map.of("reasons", "Clarified: post #3127 of the thread, by user 'lionofthecaliphate'"))
                .post("/api/v1/removal-orders/" + orderId + "/resumption")
                .then().statusCode(200).extract().jsonPath();
        Instant after = Instant.now().plusSeconds(1);
        assertEquals("RECEIVED", resumed.getString("status"));
        Instant newDeadline = Instant.parse(resumed.getString("deadlineAt"));
        assertTrue(!newDeadline.isBefore(before.plusSeconds(remaining)) && !newDeadline.isAfter(after.plusSeconds(remaining)),
                "deadline " + newDeadline + " is not the resumption time plus the " + remaining + " s left");
        assertTrue(newDeadline.isAfter(firstDeadline), "the suspension moved the deadline");
        // A second resumption is refused: the order is no longer suspended.
        vigie.as(vigie.user("gb", "gb-issuer"), "case-service").body(Map.of("reasons", "again"))
                .post("/api/v1/removal-orders/" + orderId + "/resumption").then().statusCode(anyOf(is(409), is(422)));

        // The platform removes the content: complied.
        Instant removedAt = Instant.now();
        vigie.as(platform, "notify-service").body(Map.of("form", "ANNEX_II", "action", "REMOVED",
                "actionAt", removedAt.toString(), "reference", "FORUM-TKT-7"))
                .post("/api/v1/removal-orders/" + orderId + "/feedback").then().statusCode(anyOf(is(200), is(202)));
        JsonPath complied = vigie.awaitOrder("gb", "gb-issuer", orderId, Vigie.HOP,
                o -> "COMPLIED".equals(o.getString("status")));
        assertEquals(2, complied.getList("feedback").size(), "the Annex III and the Annex II, each once");
    }
}
