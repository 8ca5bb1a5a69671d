package eu.vigie.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.standardwebhooks.Webhook;

import eu.vigie.testing.TestIssuers;
import eu.vigie.testing.TestTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real restart in the middle of retries: the packaged service ({@code target/quarkus-app/quarkus-run.jar},
 * prod profile) runs as a child process on an embedded PostgreSQL, its platform's webhook answers 503,
 * the process is killed with SIGKILL while retrying, a new process starts on the same database, the
 * platform comes back, and every notification is delivered with its receipt recorded, under the same
 * {@code webhook-id} throughout, so that the platform can de-duplicate; none is lost.
 */
class RestartMidRetriesIT {

    private static final int NOTIFICATIONS = 5;
    private static final Duration START = Duration.ofSeconds(240);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PLATFORM = "restartvideo";
    private static final String HOOK = "/hooks/" + PLATFORM;

    private static EmbeddedPostgres postgres;
    private static WireMockServer platform;
    private static WireMockServer caseService;
    private static Map<String, String> issuers;
    private static String jdbcUrl;
    private static final List<Process> processes = new ArrayList<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void neighbours() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE notify_restart");
        }
        jdbcUrl = postgres.getJdbcUrl("postgres", "notify_restart");
        issuers = new TestIssuers().start();
        platform = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        platform.start();
        caseService = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        caseService.start();
        caseService.stubFor(post(urlPathMatching("/api/v1/removal-orders/[^/]+/delivery-events"))
                .willReturn(aResponse().withStatus(204)));
    }

    @AfterAll
    static void stop() throws IOException {
        processes.forEach(Process::destroyForcibly);
        if (platform != null) {
            platform.stop();
        }
        if (caseService != null) {
            caseService.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void killedWithSigkillWhileRetryingThenRestartedLosesNothing() throws Exception {
        String secretKey = randomBase64(32);
        String webhookSecret = "whsec_" + randomBase64(32);
        platform.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(503)));

        // The first process: the platform is down, so every notification is retried.
        int port = freePort();
        Process first = start(port, secretKey, 1);
        String base = "http://127.0.0.1:" + port;
        assertEquals(201, send("POST", base + "/api/v1/platforms", TestTokens.admin(), """
                {"id":"%s","name":"Restart Video","hostnames":["restartvideo.test"],"homeJurisdiction":"IE",
                 "email":"abuse@restartvideo.test","languages":["en"],
                 "webhookUrl":"http://127.0.0.1:%d%s","webhookSecret":"%s"}
                """.formatted(PLATFORM, platform.port(), HOOK, webhookSecret)).statusCode());
        Map<UUID, UUID> orders = new LinkedHashMap<>();
        for (int i = 0; i < NOTIFICATIONS; i++) {
            UUID id = UUID.randomUUID();
            UUID order = UUID.randomUUID();
            orders.put(id, order);
            HttpResponse<String> accepted = send("POST", base + "/api/v1/notifications", TestTokens.service("case-service"),
                    """
                    {"id":"%s","kind":"REMOVAL_ORDER","platformId":"%s","subjectType":"REMOVAL_ORDER","subjectId":"%s",
                     "jurisdiction":"GB","payload":{"removalOrderId":"%s","reference":"CTIRU-2026-R%d",
                     "urls":["https://restartvideo.test/watch?v=%d"],"categories":["INCITEMENT"]}}
                    """.formatted(id, PLATFORM, order, order, i, i));
            assertEquals(202, accepted.statusCode(), accepted.body());
        }

        // Wait until every notification has been attempted at least twice: the service is mid-retries.
        waitFor("two failed attempts per notification", () -> count("""
                select count(*) from (select d.notification_id from delivery d join delivery_attempt a on a.delivery_id = d.id
                where d.channel = 'WEBHOOK' and a.status_code = 503 group by d.notification_id having count(*) >= 2) t
                """) == NOTIFICATIONS);
        first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no graceful stop, claims left as they were
        assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the first process died");
        assertEquals(137, first.exitValue(), "killed by SIGKILL (128 + 9)");
        long failedAtKill = count("select count(*) from delivery_attempt where status_code = 503");
        assertEquals(0, count("select count(*) from delivery where channel = 'WEBHOOK' and received_at is not null"));
        assertEquals(NOTIFICATIONS, count("select count(*) from outbox_message where topic = 'webhook.delivery'"
                + " and delivered_at is null and dead_at is null"), "every webhook delivery is still owed");

        // The platform comes back, and a new process starts on the same database.
        platform.resetAll();
        platform.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(200)));
        int secondPort = freePort();
        start(secondPort, secretKey, 2);

        waitFor("every webhook delivery received", () -> count("select count(*) from delivery where channel = 'WEBHOOK'"
                + " and status = 'DELIVERED' and received_at is not null") == NOTIFICATIONS);
        assertEquals(NOTIFICATIONS, count("select count(*) from notification where status = 'DELIVERED'"
                + " and received_at is not null and receipt_channel = 'WEBHOOK'"));
        // The outbox records a message delivered just after its handler has recorded the delivery (its own transaction).
        waitFor("every webhook delivery recorded in the outbox", () -> count("select count(*) from outbox_message"
                + " where topic = 'webhook.delivery' and delivered_at is null") == 0);
        assertEquals(0, count("select count(*) from outbox_message where topic = 'webhook.delivery' and dead_at is not null"),
                "nothing owed, nothing dead");
        assertTrue(failedAtKill >= 2L * NOTIFICATIONS);
        assertEquals(NOTIFICATIONS, count("select count(*) from delivery_attempt where status_code = 200"),
                "one successful attempt each, after the restart");

        // The platform's view: every notification arrived, under the webhook-id it had before the crash.
        List<ServeEvent> served = platform.getAllServeEvents();
        Map<String, List<LoggedRequest>> byWebhookId = new HashMap<>();
        for (ServeEvent event : served) {
            assertEquals(200, event.getResponse().getStatus());
            byWebhookId.computeIfAbsent(event.getRequest().getHeader("webhook-id"), k -> new ArrayList<>())
                    .add(event.getRequest());
        }
        Set<String> expected = orders.keySet().stream().map(UUID::toString).collect(Collectors.toSet());
        assertEquals(expected, byWebhookId.keySet(), "a receiver de-duplicating by webhook-id sees each notification");
        Webhook verifier = new Webhook(webhookSecret);
        for (List<LoggedRequest> copies : byWebhookId.values()) {
            Set<String> bodies = new HashSet<>();
            for (LoggedRequest copy : copies) {
                assertDoesNotThrow(() -> verifier.verify(copy.getBodyAsString(), headers(copy)));
                bodies.add(copy.getBodyAsString());
            }
            assertEquals(1, bodies.size(), "every copy of a notification carries the same body");
        }
        // The same webhook-ids were used before the crash (the 503s are in the attempts, the ids in the deliveries).
        assertEquals(expected, strings("select cast(d.notification_id as varchar) from delivery d join delivery_attempt a"
                + " on a.delivery_id = d.id where d.channel = 'WEBHOOK' and a.status_code = 503"));
        // case-service was told of every receipt.
        for (UUID order : orders.values()) {
            waitFor("case-service told of the receipt of " + order, () -> caseService.findAll(
                    postRequestedFor(urlEqualTo("/api/v1/removal-orders/" + order + "/delivery-events"))).stream()
                    .anyMatch(r -> r.getBodyAsString().contains("\"RECEIVED\"")));
        }
    }

    private static Process start(int port, String secretKey, int run) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("notify.app.jar", "target/quarkus-app/quarkus-run.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " is packaged before the integration tests");
        Path log = jar.getParent().getParent().resolve("restart-it-" + run + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Map<String, String> config = new LinkedHashMap<>(issuers);
        config.put("quarkus.http.port", Integer.toString(port));
        config.put("quarkus.http.host", "127.0.0.1");
        config.put("quarkus.datasource.jdbc.url", jdbcUrl);
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.put("quarkus.rest-client.case-service.url", caseService.baseUrl());
        config.put("quarkus.log.console.json.enabled", "false");
        config.put("vigie.notify.secret-key", secretKey);
        config.put("vigie.notify.webhook-allow-list", "127.0.0.1");
        config.put("vigie.notify.webhook-timeout", "2s");
        // Tight retries so that the test sees several attempts in seconds; a dead claim expires in five.
        config.put("vigie.outbox.poll-interval", "1s");
        config.put("vigie.outbox.initial-backoff", "200ms");
        config.put("vigie.outbox.max-backoff", "1s");
        config.put("vigie.outbox.claim-timeout", "5s");
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        processes.add(process);
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("notify-service exited with " + process.exitValue() + " while starting:\n" + tail(log));
            }
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        fail("notify-service was not ready within " + START.toSeconds() + " s:\n" + tail(log));
        return process;
    }

    private static HttpResponse<String> send(String method, String url, String token, String json)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        fail("Timed out waiting for " + what);
    }

    private static long count(String sql) {
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> strings(String sql) {
        Set<String> values = new HashSet<>();
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<String>> headers(LoggedRequest request) {
        Map<String, List<String>> headers = new HashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key(), header.values());
        }
        return headers;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String randomBase64(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
