package eu.vigie.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import eu.vigie.local.DemoPlatform;
import eu.vigie.local.ServiceProcess;
import eu.vigie.local.Suite;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Vigie on a bad day: a burst of referrals while classify-service and case-service are killed with
 * SIGKILL and restarted; orders issued while the platform's endpoint answers 503 and case-service
 * crashes again; PostgreSQL restarted under load. Every referral reaches exactly one case, every
 * order reaches the platform exactly once (by webhook-id), and the services report themselves
 * unready while the database is gone and recover without being restarted.
 */
@ExtendWith(SuiteExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionTest {

    static final String PLATFORM = "exampleburst";
    static final String HOST = "burst.example";
    /** How many referrals the burst makes ({@code -Dvigie.e2e.burst=...}). */
    static final int BURST = Integer.getInteger("vigie.e2e.burst", 200);
    static final int ORDERS = Integer.getInteger("vigie.e2e.burst-orders", 20);

    static Vigie vigie;
    static Suite suite;
    /** The cases the burst made, in submission order (the second test issues orders on some). */
    static final List<String> burstCases = new ArrayList<>();

    @BeforeAll
    static void connect() {
        suite = SuiteExtension.suite();
        vigie = new Vigie(suite);
        vigie.registerPlatform(PLATFORM, HOST, "GB");
    }

    @Test
    @Order(1)
    void aBurstOfReferralsWhileClassifyAndCaseServiceAreKilledReachesExactlyOneCaseEach() throws Exception {
        String run = UUID.randomUUID().toString();
        String referrer = vigie.user("gb", "gb-referrer");
        Map<Integer, String> referralIds = new ConcurrentHashMap<>();
        AtomicInteger submitted = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long begin = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            int n = i;
            work.add(pool.submit(() -> {
                // A referral unit's client retries with the same Idempotency-Key until it gets its answer.
                Instant giveUp = Instant.now().plus(Vigie.HOP);
                while (true) {
                    Response response = vigie.as(referrer, "ingest-service").header("Idempotency-Key", "burst-" + run + "-" + n)
                            .body(Map.of("url", "https://" + HOST + "/p/" + run + "/" + n, "contentType", "TEXT",
                                    "text", "Burst " + run + " item " + n + ": glory to the attackers, strike again",
                                    "language", "en"))
                            .post("/api/v1/referrals");
                    if (response.statusCode() == 201 || response.statusCode() == 200) {
                        referralIds.put(n, response.jsonPath().getString("id"));
                        submitted.incrementAndGet();
                        return null;
                    }
                    assertTrue(response.statusCode() >= 500 || response.statusCode() == 409 || response.statusCode() == 429,
                            "referral " + n + " refused: " + response.statusCode() + " " + response.asString());
                    assertTrue(Instant.now().isBefore(giveUp), "referral " + n + " not accepted in time");
                    retries.incrementAndGet();
                    Thread.sleep(200);
                }
            }));
        }
        // Crash the two neighbours ingest hands off to while the burst is under way, then bring them back.
        ServiceProcess classify = suite.service("classify-service");
        ServiceProcess cases = suite.service("case-service");
        await().atMost(Vigie.HOP).until(() -> submitted.get() >= BURST / 5);
        classify.kill();
        await().atMost(Vigie.HOP).until(() -> submitted.get() >= BURST * 2 / 5);
        cases.kill();
        Thread.sleep(3_000);
        classify.start();
        cases.start();
        for (Future<?> f : work) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        double submitSeconds = (System.nanoTime() - begin) / 1e9;

        assertEquals(BURST, referralIds.size());
        assertEquals(BURST, new HashSet<>(referralIds.values()).size(), "an Idempotency-Key replay made a second referral");

        // Every referral reaches a case.
        Map<Integer, String> caseOf = new ConcurrentHashMap<>();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (Map.Entry<Integer, String> referral : referralIds.entrySet()) {
                if (!caseOf.containsKey(referral.getKey())) {
                    String caseId = vigie.as(referrer, "ingest-service").get("/api/v1/referrals/" + referral.getValue())
                            .then().statusCode(200).extract().jsonPath().getString("caseId");
                    if (caseId != null) {
                        caseOf.put(referral.getKey(), caseId);
                    }
                }
            }
            return caseOf.size() == BURST;
        });
        double allCasedSeconds = (System.nanoTime() - begin) / 1e9;
        // Distinct content, so one case each; and each case holds its referral exactly once.
        assertEquals(BURST, new HashSet<>(caseOf.values()).size(), "two referrals of different content share a case");
        String reviewer = vigie.user("gb", "gb-reviewer");
        for (int n = 0; n < BURST; n++) {
            JsonPath theCase = vigie.as(reviewer, "case-service").get("/api/v1/cases/" + caseOf.get(n))
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(referralIds.get(n)), theCase.getList("referrals.id"),
                    "case " + caseOf.get(n) + " does not hold referral " + referralIds.get(n) + " exactly once");
            assertTrue(theCase.get("classification") != null, "case " + caseOf.get(n) + " was never classified");
        }
        for (int n = 0; n < BURST; n++) {
            burstCases.add(caseOf.get(n));
        }
        System.out.printf("Fault injection: %d referrals accepted in %.1f s (%d retries), all in a case after %.1f s%n",
                BURST, submitSeconds, retries.get(), allCasedSeconds);
    }

    @Test
    @Order(2)
    void ordersIssuedWhileThePlatformIsDownAndCaseServiceCrashesReachThePlatformExactlyOnce() throws Exception {
        assertTrue(burstCases.size() >= ORDERS, "the burst made no cases to issue orders on");
        DemoPlatform platform = suite.demoPlatform();
        platform.setDown(true);
        List<String> orderIds = new ArrayList<>();
        try {
            for (String caseId : burstCases.subList(0, ORDERS)) {
                vigie.assessTerrorist("gb", "gb-reviewer", caseId);
                orderIds.add(vigie.issueOrder("gb", "gb-issuer", caseId, "CTIRU-E2E-BURST"));
            }
            // case-service crashes with the orders' messages to notify, and notify's receipts, in flight.
            ServiceProcess cases = suite.service("case-service");
            cases.kill();
            Thread.sleep(2_000);
            cases.start();
            // The platform's endpoint refuses: notify records the failed attempts and keeps trying.
            await().atMost(Vigie.HOP).until(() -> vigie.deliveries(orderIds.get(0)).stream()
                    .filter(d -> "WEBHOOK".equals(d.get("channel")))
                    .anyMatch(d -> ((List<?>) d.get("attempts")).stream()
                            .anyMatch(a -> Integer.valueOf(503).equals(((Map<?, ?>) a).get("statusCode")))));
        } finally {
            platform.setDown(false);
        }

        // Every order reaches the platform: one verified webhook-id per order, however many attempts it took.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Set<String> delivered = platform.received().stream()
                    .filter(r -> "removal_order.issued".equals(JsonPath.from(r.body()).getString("type")))
                    .flatMap(r -> orderIds.stream().filter(id -> r.body().contains(id)))
                    .collect(Collectors.toSet());
            return delivered.containsAll(orderIds);
        });
        Map<String, Long> webhooksPerOrder = new HashMap<>();
        for (DemoPlatform.Received r : platform.received()) {
            if ("removal_order.issued".equals(JsonPath.from(r.body()).getString("type"))) {
                orderIds.stream().filter(id -> r.body().contains(id)).forEach(id -> webhooksPerOrder.merge(id, 1L, Long::sum));
            }
        }
        for (String orderId : orderIds) {
            assertEquals(1L, webhooksPerOrder.get(orderId), "order " + orderId + " reached the platform under "
                    + webhooksPerOrder.get(orderId) + " webhook-ids");
        }
        // ...case-service learns every receipt (the clock starts), and the platform's inbox has each order once.
        String issuer = vigie.user("gb", "gb-issuer");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> orderIds.stream()
                .allMatch(id -> vigie.as(issuer, "case-service").get("/api/v1/removal-orders/" + id).then().statusCode(200)
                        .extract().jsonPath().getString("receivedAt") != null));
        String platformToken = vigie.platform(PLATFORM);
        List<String> inbox = new ArrayList<>();
        String cursor = null;
        do {
            var request = vigie.as(platformToken, "notify-service").queryParam("limit", 200);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/inbox").then().statusCode(200).extract().jsonPath();
            inbox.addAll(page.getList("items.subjectId"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        for (String orderId : orderIds) {
            assertEquals(1, inbox.stream().filter(orderId::equals).count(), "order " + orderId + " in the inbox");
        }
        for (String orderId : orderIds) {
            long notifications = vigie.deliveries(orderId).stream().filter(d -> "REMOVAL_ORDER".equals(d.get("kind")))
                    .map(d -> d.get("notificationId")).distinct().count();
            assertEquals(1, notifications, "order " + orderId + " was notified more than once");
        }
    }

    @Test
    @Order(3)
    void postgresRestartedUnderLoadMakesServicesUnreadyThenTheyRecoverWithoutRestart() throws Exception {
        Map<String, Long> pids = new HashMap<>();
        for (String name : Suite.SERVICES) {
            pids.put(name, suite.service(name).pid());
        }
        String referrer = vigie.user("gb", "gb-referrer");
        String run = UUID.randomUUID().toString();
        AtomicBoolean loading = new AtomicBoolean(true);
        List<String> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        ExecutorService load = Executors.newSingleThreadExecutor();
        Future<?> loader = load.submit(() -> {
            int n = 0;
            while (loading.get()) {
                try {
                    Response response = vigie.as(referrer, "ingest-service").body(Map.of(
                            "url", "https://" + HOST + "/pg/" + run + "/" + n, "contentType", "TEXT",
                            "text", "PostgreSQL restart " + run + " item " + n + ": join the fighters", "language", "en"))
                            .post("/api/v1/referrals");
                    if (response.statusCode() == 201) {
                        accepted.add(response.jsonPath().getString("id"));
                    } else {
                        refused.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    refused.incrementAndGet();
                }
                n++;
                Thread.sleep(100);
            }
            return null;
        });
        try {
            await().atMost(Vigie.HOP).until(() -> accepted.size() >= 5);
            suite.postgres().stop();
            // Every service says it is not ready while its database is gone.
            await().atMost(Vigie.HOP).pollInterval(Duration.ofMillis(500)).until(() -> Suite.SERVICES.stream()
                    .allMatch(name -> suite.service(name).readiness() == 503));
            Thread.sleep(2_000);
            suite.postgres().restart();
            // ...and ready again once it is back, without a restart.
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> Suite.SERVICES.stream()
                    .allMatch(name -> suite.service(name).readiness() == 200));
            int before = accepted.size();
            await().atMost(Vigie.HOP).until(() -> accepted.size() >= before + 5);
        } finally {
            loading.set(false);
            loader.get(1, TimeUnit.MINUTES);
            load.shutdown();
            if (!suite.postgres().isRunning()) {
                suite.postgres().restart();
            }
        }
        for (String name : Suite.SERVICES) {
            assertEquals(pids.get(name), suite.service(name).pid(), name + " was restarted");
            assertTrue(suite.service(name).isAlive(), name + " died");
        }
        // Every referral accepted before, during or after the outage reaches a case.
        Set<String> pending = new HashSet<>(accepted);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            pending.removeIf(id -> vigie.as(referrer, "ingest-service").get("/api/v1/referrals/" + id)
                    .then().statusCode(200).extract().jsonPath().getString("caseId") != null);
            return pending.isEmpty();
        });
        System.out.printf("PostgreSQL restart: %d referrals accepted and cased, %d refused during the outage%n",
                accepted.size(), refused.get());
    }
}
