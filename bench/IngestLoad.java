import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * the tool prints a short report (throughput, latency p50/p90/p99/max, errors, the machine's load
 * average before and after) and appends it to {@code bench/reports/ingest-<UTC date>.md} (or
 * {@code --report <file>}; {@code --report none} writes nothing). Bounded by a count and a duration,
 * loopback only. With {@code --idempotency-keys true} every referral carries an Idempotency-Key.
 *
 * <pre>
 *   java bench/IngestLoad.java [--clients 16] [--count 20000] [--duration 60] [--warmup 500]
 *        [--ingest http://localhost:8081] [--keycloak http://localhost:8180] [--realm gb]
 *        [--user gb-referrer] [--password vigie] [--idempotency-keys false] [--http 1.1|2] [--report bench/reports/...]
 *        [--note "free text for the report"]
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
        boolean keys = Boolean.parseBoolean(opt.getOrDefault("idempotency-keys", "false"));
        HttpClient.Version version = switch (opt.getOrDefault("http", "1.1")) {
            case "1.1" -> HttpClient.Version.HTTP_1_1;
            case "2" -> HttpClient.Version.HTTP_2;
            default -> throw new IllegalArgumentException("--http is 1.1 or 2");
        };
        // Each client is its own HttpClient, hence its own connection, as 16 separate agency systems would be
        // (one shared HttpClient would multiplex every client on one HTTP/2 connection).
        List<HttpClient> connections = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            connections.add(HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(5)).build());
        }

        System.out.printf("ingest-load: %d clients, warm-up %d, then up to %d referrals or %d s, against %s%n", clients,
                warmup, count, durationSeconds, referrals);
        phase(connections, referrals, token, run + "-w", clients, warmup, durationSeconds, null, keys);
        String loadBefore = loadAverage();
        Instant at = Instant.now();
        Result result = new Result(count);
        long started = System.nanoTime();
        phase(connections, referrals, token, run, clients, count, durationSeconds, result, keys);
        double seconds = (System.nanoTime() - started) / 1e9;
        String loadAfter = loadAverage();
        String report = result.report(seconds) + "load average (1/5/15 min): before " + loadBefore + ", after "
                + loadAfter + " on " + Runtime.getRuntime().availableProcessors() + " CPUs\n";
        System.out.print(report);
        String target = opt.getOrDefault("report", "bench/reports/ingest-" + LocalDate.now(ZoneOffset.UTC) + ".md");
        if (!target.equals("none")) {
            Path file = Path.of(target);
            Files.createDirectories(file.toAbsolutePath().getParent());
            String entry = "## " + at + " run " + run + "\n\n" + "`java bench/IngestLoad.java " + String.join(" ", List.of(args).stream()
                    .map(a -> a.contains(" ") ? "\"" + a + "\"" : a).toList())
                    + "` (" + clients + " clients, warm-up " + warmup + ", HTTP/" + (version == HttpClient.Version.HTTP_1_1 ? "1.1" : "2") + ", one connection per client, Idempotency-Key " + (keys ? "on" : "off")
                    + ")" + (opt.containsKey("note") ? "\n\n" + opt.get("note") : "") + "\n\n```\n" + report + "```\n\n";
            Files.writeString(file, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.out.println("report appended to " + file);
        }
    }

    /** The 1, 5 and 15 minute load averages of this machine (Linux), or the JVM's 1-minute figure elsewhere. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException | RuntimeException e) {
            return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
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

        String report(double seconds) {
            int n = accepted.get();
            long[] sorted = Arrays.copyOf(latencies, n);
            Arrays.sort(sorted);
            StringBuilder out = new StringBuilder();
            out.append(String.format("accepted (201): %d in %.2f s = %.0f referrals/s%n", n, seconds, n / seconds));
            if (n > 0) {
                out.append(String.format("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", pct(sorted, 50),
                        pct(sorted, 90), pct(sorted, 99), sorted[n - 1] / 1e6));
            }
            long errors = failures.values().stream().mapToLong(AtomicLong::get).sum();
            out.append(String.format("errors: %d%n", errors));
            new TreeMap<>(failures).forEach((why, k) -> out.append(String.format("  %s x %d%n", why, k.get())));
            return out.toString();
        }

        private static double pct(long[] sorted, double p) {
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    private static void phase(List<HttpClient> connections, URI referrals, String token, String run, int clients, int count,
            int durationSeconds, Result result, boolean keys) throws InterruptedException {
        if (count == 0) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + Duration.ofSeconds(durationSeconds).toNanos();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            HttpClient http = connections.get(c);
            Thread client = new Thread(() -> {
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
                        String body = "{\"url\":\"https://bench.example/" + run + "/" + i + "?utm_source=load\","
                                + "\"reference\":\"BENCH-" + run + "\"}";
                        HttpRequest.Builder builder = HttpRequest.newBuilder(referrals).timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body));
                        if (keys) {
                            builder.header("Idempotency-Key", "bench-" + run + "-" + i);
                        }
                        HttpRequest request = builder.build();
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

    /** The options this tool reads; any other is refused before the load starts (a typo would run the defaults). */
    private static final List<String> OPTIONS = List.of("clients", "count", "duration", "warmup", "ingest", "keycloak",
            "realm", "user", "password", "idempotency-keys", "http", "report");

    /**
     * {@code --name value} pairs. This tool runs without the launcher's classpath ({@code java bench/IngestLoad.java}),
     * so it cannot use {@code eu.vigie.local.CommandLineOptions}, whose rules it follows.
     */
    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> list = new ArrayList<>(List.of(args));
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
            if (!arg.startsWith("--") || !OPTIONS.contains(arg.substring(2)) || i + 1 >= list.size()
                    || options.putIfAbsent(arg.substring(2), list.get(++i)) != null) {
                throw new IllegalArgumentException("Refused " + arg + ": the options are --name value, each at most once,"
                        + " of " + OPTIONS);
            }
        }
        return options;
    }
}
