package eu.vigie.notify.service;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.notify.config.NotifyConfig;

/**
 * POSTs a Standard Webhooks request to a platform. The target is not a fixed REST API, so this is a
 * plain HTTP client: no redirects followed (a redirect could lead past the target policy), a
 * timeout on connecting and on the whole exchange.
 */
@ApplicationScoped
public class WebhookSender {

    /** What one attempt gave: the HTTP status, or why there was none; when it ended; how long it took. */
    public record Outcome(Integer statusCode, String error, Instant completedAt, long latencyMs) {

        public boolean success() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        public String describe() {
            return error != null ? error : "HTTP " + statusCode;
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    public WebhookSender(NotifyConfig config) {
        this.timeout = config.webhookTimeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    public Outcome post(URI target, String webhookId, long timestamp, String signature, String body) {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", "Vigie-notify/1.0 (Standard Webhooks)")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        long start = System.nanoTime();
        try {
            // Only the status matters: the body is not read, so a platform cannot hold the worker by streaming one.
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            response.body().close();
            return new Outcome(status, status >= 200 && status < 300 ? null : "HTTP " + status, Times.now(),
                    elapsed(start));
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "timed out after " + timeout.toMillis() + " ms", Times.now(), elapsed(start));
        } catch (IOException e) {
            return new Outcome(null, "connection failed: " + describe(e), Times.now(), elapsed(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", Times.now(), elapsed(start));
        } catch (IllegalArgumentException e) {
            return new Outcome(null, "request refused: " + describe(e), Times.now(), elapsed(start));
        }
    }

    /** An attempt that never reached the network (the target was refused). */
    public static Outcome refused(String reason, Instant at) {
        return new Outcome(null, reason, at, 0);
    }

    private static long elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static String describe(Throwable e) {
        List<String> parts = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 3; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank() && !parts.contains(t.getMessage())) {
                parts.add(t.getMessage());
            }
        }
        return parts.isEmpty() ? e.getClass().getSimpleName() : String.join(": ", parts);
    }
}
