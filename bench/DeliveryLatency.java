import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.local.CommandLineOptions;
import eu.vigie.local.DailyReport;
import eu.vigie.local.DemoPlatform;
import eu.vigie.local.JvmSettings;
import eu.vigie.local.KeycloakTokens;
import eu.vigie.local.Suite;
import eu.vigie.local.SuitePorts;

/**
 * Referral to platform receipt, at a steady rate, against the real suite: it starts the suite on
 * free ports (embedded PostgreSQL, Keycloak, the four packaged services, the demo platform that
 * verifies Standard Webhooks signatures), registers the demo platform, then starts one pipeline
 * every 1/rate seconds: a GB referrer reports a URL; as soon as the referral has a case a reviewer
 * assesses it and a second officer issues a removal order (the people are scripted to act the
 * instant they can); the platform receives the signed webhook. It reports, in percentiles:
 * <ul>
 * <li>intake: referral submitted until ingest-service answers with its case id (classification and case
 *     opening included);</li>
 * <li>delivery: removal order issued (201) until the platform received the webhook (notify-service's
 *     outbox, signing, HTTP delivery);</li>
 * <li>end to end: referral submitted until platform receipt, with the officers' calls in between.</li>
 * </ul>
 * <pre>
 *   ./mvnw -B -q package -DskipTests
 *   java -cp "local/target/vigie-local.jar:local/target/lib/*" bench/DeliveryLatency.java [--rate 20] [--seconds 30] [--warmup 5]
 *        [--java-options "-Xms16m -Xmx384m -XX:+UseSerialGC"]
 * </pre>
 * The services run with their Kubernetes ConfigMaps' JVM settings ({@code eu.vigie.local.JvmSettings#pod}), as the pods
 * do; {@code --java-options} gives all four other JVM options instead.
 * Appends the report to {@code bench/reports/delivery-latency-<date>.md} as well.
 */
public class DeliveryLatency {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Sample(long intakeMillis, long deliveryMillis, long endToEndMillis) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = CommandLineOptions.parse(args, "DeliveryLatency [--rate 20] [--seconds 30] [--warmup 5]"
                + " [--warmup-rate <rate>] [--java-options \"...\"] [--repository .]", "rate", "seconds", "warmup", "warmup-rate",
                "java-options", "repository");
        double rate = Double.parseDouble(options.getOrDefault("rate", "20"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmupSeconds = Integer.parseInt(options.getOrDefault("warmup", "5"));
        // Warm-up may run slower than the measurement (the JIT compilers need minutes of traffic, and a warm-up
        // above what the machine sustains leaves a backlog that the measurement would inherit); the measurement
        // starts once every warm-up pipeline has finished.
        double warmupRate = Double.parseDouble(options.getOrDefault("warmup-rate", String.valueOf(rate)));
        Path repository = Path.of(options.getOrDefault("repository", ".")).toAbsolutePath().normalize();
        Path logs = Files.createTempDirectory("vigie-latency");
        // The services run as their pods do (each with its Kubernetes ConfigMap's JVM options and malloc arenas, the C2
        // compiler, no class-data archive), not with the launcher's quick-start settings; --java-options gives all four
        // other options instead.
        String givenOptions = options.get("java-options");
        boolean podSettings = givenOptions == null;
        System.setProperty(JvmSettings.JVM, podSettings ? "pod" : "local");
        if (!podSettings) {
            System.setProperty(JvmSettings.JAVA_OPTIONS, givenOptions);
        }

        try (Suite suite = Suite.start(repository, repository.resolve("local/target/keycloak-26.5.6"),
                SuitePorts.free(), logs, false)) {
            KeycloakTokens tokens = suite.tokens();
            Supplier<String> admin = fresh(() -> tokens.user("vigie", "admin"));
            Supplier<String> referrer = fresh(() -> tokens.user("gb", "gb-referrer"));
            Supplier<String> reviewer = fresh(() -> tokens.user("gb", "gb-senior"));
            Supplier<String> issuer = fresh(() -> tokens.user("gb", "gb-issuer"));
            DemoPlatform platform = suite.demoPlatform();
            String notify = suite.service("notify-service").baseUrl();
            String ingest = suite.service("ingest-service").baseUrl();
            String cases = suite.service("case-service").baseUrl();

            int registered = send("POST", notify + "/api/v1/platforms", admin.get(), Map.of(
                    "id", "examplevideo", "name", "ExampleVideo Ltd", "hostnames", List.of("video.example"),
                    "homeJurisdiction", "GB", "email", "abuse@video.example", "webhookUrl", platform.webhookUrl(),
                    "webhookSecret", platform.secret(), "languages", List.of("en"), "hasReceivedOrder", true))
                    .statusCode();
            if (registered != 201 && registered != 409) {
                throw new IllegalStateException("Registering the demo platform answered " + registered);
            }

            ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
            Map<String, Double> cpuBefore = new HashMap<>();
            AtomicInteger measuredStarted = new AtomicInteger();
            ExecutorService pipelines = Executors.newCachedThreadPool();
            Watcher watcher = new Watcher(ingest, referrer, platform);
            watcher.start();
            String loadBefore = loadAverage();
            int warmup = (int) Math.round(warmupRate * warmupSeconds);
            int total = warmup + (int) Math.round(rate * seconds);
            ExecutorService warmups = Executors.newCachedThreadPool();
            long begin = System.nanoTime();
            for (int i = 0; i < total; i++) {
                if (i == warmup) {
                    warmups.shutdown();
                    if (!warmups.awaitTermination(3, TimeUnit.MINUTES)) {
                        errors.add("warm-up pipelines still running after 3 minutes");
                    }
                    loadBefore = loadAverage();
                    cpuBefore.putAll(cpuSeconds(suite));
                    begin = System.nanoTime();
                }
                boolean measured = i >= warmup;
                long due = measured ? begin + (long) ((i - warmup) * 1e9 / rate) : begin + (long) (i * 1e9 / warmupRate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (measured) {
                    measuredStarted.incrementAndGet();
                }
                (measured ? pipelines : warmups).submit(() -> {
                    try {
                        Sample s = pipeline(ingest, cases, watcher, referrer, reviewer, issuer);
                        if (measured) {
                            samples.add(s);
                        }
                    } catch (Exception e) {
                        if (measured) {
                            errors.add(String.valueOf(e.getMessage()));
                        }
                    }
                });
            }
            pipelines.shutdown();
            if (!pipelines.awaitTermination(3, TimeUnit.MINUTES)) {
                errors.add("pipelines still running after 3 minutes");
                pipelines.shutdownNow();
            }
            watcher.interrupt();
            Map<String, Double> cpuAfter = cpuSeconds(suite);
            double elapsed = (System.nanoTime() - begin) / 1e9;
            Map<String, JvmSettings> jvm = new LinkedHashMap<>();
            for (String service : Suite.SERVICES) {
                jvm.put(service, suite.service(service).jvm());
            }
            String report = report(jvm, podSettings, rate, seconds, warmupSeconds, warmupRate, measuredStarted.get(), new ArrayList<>(samples),
                    new ArrayList<>(errors), loadBefore, loadAverage(), elapsed)
                    + cpuPerPipeline(cpuBefore, cpuAfter, measuredStarted.get()) + outboxHops(suite.postgres());
            System.out.println(report);
            Path out = DailyReport.append(repository, "delivery-latency", "Referral to platform receipt",
                    rate + " a second", report);
            System.out.println("Written to " + repository.relativize(out));
        }
    }

    private static Sample pipeline(String ingest, String cases, Watcher watcher,
            Supplier<String> referrer, Supplier<String> reviewer, Supplier<String> issuer) throws Exception {
        String tag = UUID.randomUUID().toString();
        Instant submitted = Instant.now();
        HttpResponse<String> created = send("POST", ingest + "/api/v1/referrals", referrer.get(), Map.of(
                "url", "https://www.video.example/watch?v=" + tag, "contentType", "TEXT",
                "text", "Join the fighters of Daesh: the caliphate needs you " + tag, "language", "en",
                "reference", "BENCH-" + tag));
        expect(created, 201, "referral");
        String referralId = JSON.readTree(created.body()).path("id").asText();
        Watcher.Seen seenCase = within(watcher.caseOf(referralId, submitted), "referral " + referralId + " got no case");
        String caseId = seenCase.value();
        Instant caseKnown = seenCase.at();
        HttpResponse<String> assessed = send("POST", cases + "/api/v1/cases/" + caseId + "/assessment", reviewer.get(),
                Map.of("decision", "TERRORIST_CONTENT", "categories", List.of("INCITEMENT"), "tier", "DESIGNATED_GROUP",
                        "entity", "Islamic State", "legalBasis", "Regulation (EU) 2021/784, Art. 3",
                        "reasons", "Benchmark: recruitment call"));
        if (assessed.statusCode() != 200 && assessed.statusCode() != 201) {
            throw new IllegalStateException("assessment answered " + assessed.statusCode() + ": " + assessed.body());
        }
        HttpResponse<String> issued = send("POST", cases + "/api/v1/cases/" + caseId + "/removal-orders", issuer.get(),
                Map.of("fileNumber", "BENCH-" + tag, "reasons", "Content incites terrorist offences"));
        expect(issued, 201, "removal order");
        Instant issuedAt = Instant.now();
        String orderId = JSON.readTree(issued.body()).path("id").asText();
        Instant received = within(watcher.receiptOf(orderId), "order " + orderId + " did not reach the platform").at();
        return new Sample(Duration.between(submitted, caseKnown).toMillis(),
                Duration.between(issuedAt, received).toMillis(), Duration.between(submitted, received).toMillis());
    }

    /**
     * One thread that watches for what the pipelines wait on, so that waiting costs the suite a bounded
     * load instead of a read storm from every pipeline: every 20 ms (longer when many are awaited, see
     * {@link #pause()}) it lists the referrals that have a
     * case ({@code GET /api/v1/referrals?status=CASE_OPENED}), from the submission time of the oldest
     * referral still waiting on, so each look reads about as many referrals as are in flight; and it scans
     * the demo platform's newly received webhooks (with the receipt time the platform recorded) for the
     * orders still awaited.
     */
    static final class Watcher extends Thread {

        record Seen(String value, Instant at) {
        }

        private final String ingest;
        private final Supplier<String> reader;
        private final DemoPlatform platform;
        private final Map<String, java.util.concurrent.CompletableFuture<Seen>> cases = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<String, Instant> submittedAt = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<String, java.util.concurrent.CompletableFuture<Seen>> receipts = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<String, Instant> receivedIds = new java.util.HashMap<>();
        private static final java.util.regex.Pattern ID = java.util.regex.Pattern
                .compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        private int scanned;

        Watcher(String ingest, Supplier<String> reader, DemoPlatform platform) {
            super("latency-watcher");
            setDaemon(true);
            this.ingest = ingest;
            this.reader = reader;
            this.platform = platform;
        }

        /** The case of a referral submitted at (or, by the service's clock, about) the given time. */
        java.util.concurrent.CompletableFuture<Seen> caseOf(String referralId, Instant submitted) {
            submittedAt.put(referralId, submitted);
            return cases.computeIfAbsent(referralId, id -> new java.util.concurrent.CompletableFuture<>());
        }

        /** The order's receipt; one that came before this question is found in what was already received. */
        synchronized java.util.concurrent.CompletableFuture<Seen> receiptOf(String orderId) {
            scanReceipts();
            Instant at = receivedIds.get(orderId);
            if (at != null) {
                return java.util.concurrent.CompletableFuture.completedFuture(new Seen(orderId, at));
            }
            return receipts.computeIfAbsent(orderId, id -> new java.util.concurrent.CompletableFuture<>());
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                try {
                    scanReceipts();
                    if (!cases.isEmpty()) {
                        scanCases();
                    }
                    Thread.sleep(pause());
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a failed read is tried again on the next turn
                }
            }
        }

        /**
         * The pause between looks: 20 ms, longer by 1 ms for each referral awaited beyond twenty (at most 200 ms). A
         * look reads every referral since the oldest awaited, so when the suite falls behind, looks every 20 ms read
         * the backlog again and again (at 20 a second with intake taking 6 s, 120 referrals 40 times a second), and the
         * watcher's own reads become part of the load it measures. The detection delay this adds stays small next to
         * the latency that lets such a backlog form.
         */
        long pause() {
            return Math.min(200, Math.max(20, cases.size()));
        }

        /**
         * Lists the referrals with a case submitted since the oldest one awaited, less 50 ms (the suite runs on this
         * machine's clock, and each awaited referral's time was taken before it was sent; the margin covers the
         * service's timestamp precision). It was a second: at 20 a second every look then also listed the twenty
         * referrals of the second before, already seen, which cost ingest-service more than the looks themselves.
         */
        private void scanCases() throws Exception {
            Instant oldest = cases.keySet().stream().map(submittedAt::get).filter(java.util.Objects::nonNull)
                    .min(Instant::compareTo).orElse(Instant.now()).minusMillis(50);
            String cursor = null;
            do {
                String url = ingest + "/api/v1/referrals?status=CASE_OPENED&limit=200&since=" + oldest
                        + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8));
                JsonNode page = JSON.readTree(send("GET", url, reader.get(), null).body());
                Instant now = Instant.now();
                for (JsonNode referral : page.path("items")) {
                    JsonNode caseId = referral.path("caseId");
                    java.util.concurrent.CompletableFuture<Seen> waiting = cases.get(referral.path("id").asText());
                    if (waiting != null && !caseId.isMissingNode() && !caseId.isNull()) {
                        cases.remove(referral.path("id").asText());
                        submittedAt.remove(referral.path("id").asText());
                        waiting.complete(new Seen(caseId.asText(), now));
                    }
                }
                cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
            } while (cursor != null);
        }

        /**
         * Reads the webhooks received since the last scan once each: every id in a body is noted with the time it was
         * first received (an order asked for later is found there) and completes the receipt awaited for it. Each body
         * is read once, however many orders are awaited or have been received.
         */
        private synchronized void scanReceipts() {
            List<DemoPlatform.Received> all = platform.received();
            for (; scanned < all.size(); scanned++) {
                DemoPlatform.Received r = all.get(scanned);
                java.util.regex.Matcher ids = ID.matcher(r.body());
                while (ids.find()) {
                    String id = ids.group();
                    if (receivedIds.putIfAbsent(id, r.receivedAt()) == null) {
                        java.util.concurrent.CompletableFuture<Seen> receipt = receipts.remove(id);
                        if (receipt != null) {
                            receipt.complete(new Seen(id, r.receivedAt()));
                        }
                    }
                }
            }
        }
    }

    private static String report(Map<String, JvmSettings> jvm, boolean podSettings, double rate, int seconds, int warmup, double warmupRate, int started, List<Sample> samples,
            List<String> errors, String loadBefore, String loadAfter, double elapsed) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("`bench/DeliveryLatency.java`: %.0f pipelines a second for %d s (after %d s of warm-up at %.0f a second,"
                + " measured once every warm-up pipeline had finished)"
                + " against the real suite on this machine (%d cores; load average %s before, %s after); %d measured"
                + " pipelines started, %d completed, %d failed; %.1f s in all.%n%n",
                rate, seconds, warmup, warmupRate, Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter, started,
                samples.size(), errors.size(), elapsed));
        out.append("Services' JVM settings").append(podSettings ? " (their ConfigMaps')" : "")
                .append(":\n");
        jvm.forEach((service, settings) -> out.append("- ").append(service).append(": `").append(settings.javaOptions()).append('`')
                .append(settings.environment().isEmpty() ? "" : ", " + settings.environment())
                .append(settings.classDataArchive() ? ", class-data archive" : "").append('\n'));
        out.append('\n');
        out.append("| segment | p50 | p90 | p99 | max |\n|---|---|---|---|---|\n");
        row(out, "intake: referral submitted -> case id known", samples.stream().mapToLong(Sample::intakeMillis).toArray());
        row(out, "delivery: order issued -> platform received the signed webhook",
                samples.stream().mapToLong(Sample::deliveryMillis).toArray());
        row(out, "end to end: referral submitted -> platform receipt (officers scripted)",
                samples.stream().mapToLong(Sample::endToEndMillis).toArray());
        out.append("\nGoal (issue 8): p50 under 0.5 s, p99 under 2 s at 20 referrals a second.\n");
        if (!errors.isEmpty()) {
            out.append("\nFirst errors:\n");
            errors.stream().limit(5).forEach(e -> out.append("- ").append(e).append('\n'));
        }
        return out.toString();
    }

    /** Each service's process CPU time so far (Micrometer's process_cpu_time_ns_total), in seconds. */
    private static Map<String, Double> cpuSeconds(Suite suite) {
        Map<String, Double> seconds = new java.util.TreeMap<>();
        for (String service : Suite.SERVICES) {
            try {
                String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(suite.service(service).baseUrl() + "/q/metrics"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
                metrics.lines().filter(l -> l.startsWith("process_cpu_time_ns_total ")).findFirst()
                        .ifPresent(l -> seconds.put(service, Double.parseDouble(l.substring(l.indexOf(' ') + 1)) / 1e9));
            } catch (Exception e) {
                // left out of the report
            }
        }
        return seconds;
    }

    /**
     * CPU each service spent per pipeline while the measured pipelines ran: what the suite costs, whatever else
     * the machine is doing (the tail of the warm-up's pipelines is counted in, so it is a slight overestimate).
     */
    private static String cpuPerPipeline(Map<String, Double> before, Map<String, Double> after, int pipelines) {
        StringBuilder out = new StringBuilder("\nCPU time per measured pipeline (each service's process_cpu_time_ns_total"
                + " over the measured window, divided by the pipelines started in it):\n\n| service | CPU ms per pipeline |\n|---|---|\n");
        double total = 0;
        for (String service : after.keySet()) {
            if (before.containsKey(service) && pipelines > 0) {
                double ms = (after.get(service) - before.get(service)) * 1000 / pipelines;
                total += ms;
                out.append(String.format("| %s | %.1f |%n", service, ms));
            }
        }
        out.append(String.format("| all four | %.1f |%n", total));
        return out.toString();
    }

    /**
     * Where the time goes between services: for every outbox topic of every service, how long its messages waited
     * from the commit that wrote them to their delivery to the neighbour, and how many needed more than one attempt.
     */
    private static String outboxHops(eu.vigie.local.LocalPostgres postgres) {
        StringBuilder out = new StringBuilder("\nOutbox hops (message written -> delivered to the neighbour), every message of the run:\n\n"
                + "| service database | topic | messages | p50 | p90 | p99 | max | retried |\n|---|---|---|---|---|---|---|---|\n");
        String query = """
                SELECT topic, count(*),
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at)),
                  percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at)),
                  percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at)),
                  max(extract(epoch FROM delivered_at - created_at)),
                  count(*) FILTER (WHERE attempts > 1)
                FROM outbox_message WHERE delivered_at IS NOT NULL GROUP BY topic ORDER BY topic
                """;
        for (String database : List.of("ingest", "classify", "cases", "notify")) {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(postgres.jdbcUrl(database),
                    eu.vigie.local.LocalPostgres.USER, eu.vigie.local.LocalPostgres.PASSWORD);
                    java.sql.ResultSet r = c.createStatement().executeQuery(query)) {
                while (r.next()) {
                    out.append(String.format("| %s | %s | %d | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %d |%n", database,
                            r.getString(1), r.getLong(2), r.getDouble(3) * 1000, r.getDouble(4) * 1000,
                            r.getDouble(5) * 1000, r.getDouble(6) * 1000, r.getLong(7)));
                }
            } catch (java.sql.SQLException e) {
                out.append("| ").append(database).append(" | (not read: ").append(e.getMessage()).append(") | | | | | | |\n");
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String name, long[] values) {
        if (values.length == 0) {
            out.append("| ").append(name).append(" | - | - | - | - |\n");
            return;
        }
        long[] v = values.clone();
        java.util.Arrays.sort(v);
        out.append(String.format("| %s | %d ms | %d ms | %d ms | %d ms |%n", name, at(v, 0.50), at(v, 0.90), at(v, 0.99),
                v[v.length - 1]));
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static HttpResponse<String> send(String method, String url, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Watcher.Seen within(java.util.concurrent.CompletableFuture<Watcher.Seen> awaited, String late)
            throws Exception {
        try {
            return awaited.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(late + " within 60 s");
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    /** A token that is fetched again every minute, well within Keycloak's access token lifetime. */
    private static Supplier<String> fresh(Supplier<String> fetch) {
        Map<String, Object> cache = Collections.synchronizedMap(new HashMap<>());
        return () -> {
            synchronized (cache) {
                Instant fetched = (Instant) cache.get("at");
                if (fetched == null || fetched.isBefore(Instant.now().minusSeconds(60))) {
                    cache.put("token", fetch.get());
                    cache.put("at", Instant.now());
                }
                return (String) cache.get("token");
            }
        };
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
