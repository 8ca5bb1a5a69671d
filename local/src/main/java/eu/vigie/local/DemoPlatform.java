package eu.vigie.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A hosting service provider's webhook endpoint, as small as it can be: it verifies the Standard
 * Webhooks signature of every notification, refuses what does not verify, de-duplicates by
 * {@code webhook-id} and keeps what it received.
 */
public final class DemoPlatform implements AutoCloseable {

    /** One verified notification. */
    public record Received(String webhookId, Instant receivedAt, String body) {
    }

    private final HttpServer server;
    private final String secret;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile int rejected;
    private final boolean verbose;

    private DemoPlatform(HttpServer server, String secret, boolean verbose) {
        this.server = server;
        this.secret = secret;
        this.verbose = verbose;
    }

    public static DemoPlatform start(int port, String secret, boolean verbose) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        DemoPlatform platform = new DemoPlatform(server, secret, verbose);
        server.createContext("/webhook", platform::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return platform;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            if (down.get()) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (!StandardWebhooks.verify(secret, id, timestamp, body, signature)) {
                rejected++;
                if (verbose) {
                    System.out.println("[demo-platform] REFUSED a webhook whose signature does not verify (id " + id + ")");
                }
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            boolean duplicate = received.stream().anyMatch(r -> r.webhookId().equals(id));
            if (!duplicate) {
                received.add(new Received(id, Instant.now(), new String(body, StandardCharsets.UTF_8)));
            }
            if (verbose) {
                System.out.println("[demo-platform] " + (duplicate ? "duplicate of " : "verified ") + "webhook " + id + ": "
                        + new String(body, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** Makes the endpoint answer 503 (an outage) until set back. */
    public void setDown(boolean isDown) {
        down.set(isDown);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public int rejected() {
        return rejected;
    }

    public String webhookUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
    }

    public String secret() {
        return secret;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
