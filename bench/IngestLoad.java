import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load test of ingest-service: concurrent clients post URL referrals (each a durable, committed
 * referral with its outbox hand-off when answered 201) against a running suite (./run-local.sh) and
 * the tool prints throughput and latency percentiles. Bounded by a count and a duration, loopback only.
 *
 * <pre>
 *   java bench/IngestLoad.java [--clients 16] [--count 20000] [--duration 60] [--warmup 500]
 *        [--ingest http://localhost:8081] [--keycloak http://localhost:8180] [--realm gb]
 *        [--user gb-referrer] [--password vigie]
 * </pre>
 */
public class IngestLoad {

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        int clients = Integer.parseInt(opt.getOrDefault("clients", "16"));
        int count = Integer.parseInt(opt.getOrDefault("count", "20000"));
        int durationSeconds = Integer.parseInt(opt.getOrDefault("duration", "60"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "500"));
        URI ingest = URI.create(opt.getOrDefault("ingest", "http://localhost:8081"));
        URI keycloak = URI.create(opt.getOrDefault("keycloak", "http://localhost:8180"));
        if (clients < 1 || clients > 256 || count < 1 || count > 1_000_000 || durationSeconds < 1 || durationSeconds > 240) {
            throw new IllegalArgumentException("clients 1-256, count 1-1000000, duration 1-240 s (tokens live 5 minutes)");
        }
        requireLoopback(ingest);
        requireLoopback(keycloak);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = token(http, keycloak, opt.getOrDefault("realm", "gb"), opt.getOrDefault("user", "gb-referrer"),
                opt.getOrDefault("password", "vigie"));
        URI referrals = ingest.resolve("/api/v1/referrals");
        String run = UUID.randomUUID().toString().substring(0, 8);

        System.out.printf("ingest-load: %d clients, warm-up %d, then up to %d referrals or %d s, against %s%n", clients,
                warmup, count, durationSeconds, referrals);
        phase(http, referrals, token, run + "-w", clients, warmup, durationSeconds, null);
        Result result = new Result(count);
        long started = System.nanoTime();
        phase(http, referrals, token, run, clients, count, durationSeconds, result);
        double seconds = (System.nanoTime() - started) / 1e9;
        result.print(seconds);
    }

    /** Results of the measured phase: a latency per accepted referral, and the other answers by status. */
    static final class Result {
        final long[] latencies;
        final AtomicInteger accepted = new AtomicInteger();
        final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();

        Result(int capacity) {
            latencies = new long[capacity];
        }

        void accept(long nanos) {
            int i = accepted.getAndIncrement();
            latencies[i] = nanos;
        }

        void fail(String why) {
            failures.computeIfAbsent(why, k -> new AtomicLong()).incrementAndGet();
        }

        void print(double seconds) {
            int n = accepted.get();
            long[] sorted = Arrays.copyOf(latencies, n);
            Arrays.sort(sorted);
            System.out.printf("accepted (201): %d in %.2f s = %.0f referrals/s%n", n, seconds, n / seconds);
            if (n > 0) {
                System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", pct(sorted, 50), pct(sorted, 90),
                        pct(sorted, 99), sorted[n - 1] / 1e6);
            }
            new TreeMap<>(failures).forEach((why, k) -> System.out.printf("failed: %s x %d%n", why, k.get()));
        }

        private static double pct(long[] sorted, double p) {
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    private static void phase(HttpClient http, URI referrals, String token, String run, int clients, int count,
            int durationSeconds, Result result) throws InterruptedException {
        if (count == 0) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + Duration.ofSeconds(durationSeconds).toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(() -> {
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
                        String body = "{\"url\":\"https://bench.example/" + run + "/" + i + "?utm_source=load\","
                                + "\"reference\":\"BENCH-" + run + "\"}";
                        HttpRequest request = HttpRequest.newBuilder(referrals).timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long start = System.nanoTime();
                        try {
                            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                            long nanos = System.nanoTime() - start;
                            if (result != null) {
                                if (answer.statusCode() == 201) {
                                    result.accept(nanos);
                                } else {
                                    result.fail("status " + answer.statusCode());
                                }
                            }
                        } catch (java.io.IOException e) {
                            if (result != null) {
                                result.fail(e.getClass().getSimpleName());
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "client-" + c);
            client.start();
        }
        done.await();
    }

    private static String token(HttpClient http, URI keycloak, String realm, String user, String password) throws Exception {
        String form = "grant_type=password&client_id=vigie-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                keycloak.resolve("/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
        if (answer.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("Keycloak refused a token for " + user + " in realm " + realm + ": "
                    + answer.statusCode());
        }
        return token.group(1);
    }

    private static void requireLoopback(URI uri) throws Exception {
        for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException(uri + " is not a loopback address: this tool only loads a local suite");
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> list = new ArrayList<>(List.of(args));
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
            if (!arg.startsWith("--") || i + 1 >= list.size()) {
                throw new IllegalArgumentException("Options are --name value; got " + arg);
            }
            options.put(arg.substring(2), list.get(++i));
        }
        return options;
    }
}
