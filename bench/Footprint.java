import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.vigie.local.ClassDataArchive;
import eu.vigie.local.CommandLineOptions;
import eu.vigie.local.DailyReport;
import eu.vigie.local.JvmSettings;
import eu.vigie.local.ServiceProcess;
import eu.vigie.local.Suite;
import eu.vigie.local.SuitePorts;

/**
 * Start time and memory of each Vigie service in JVM mode, with the JVM settings its Kubernetes
 * ConfigMap gives it ({@code JAVA_OPTS_APPEND} and {@code MALLOC_ARENA_MAX} in {@code k8s/base/<service>/configmap.yaml},
 * read by {@code eu.vigie.local.JvmSettings#pod}), so that the Deployments' memory requests and limits rest on a
 * measurement, or ({@code --options launcher}) with those the local suite gives it.
 *
 * <p>It starts the whole suite on free ports (embedded PostgreSQL, Keycloak, the four packaged
 * services), then, one service at a time, stops the suite's process and starts the same jar with
 * the same environment again, several times without a class-data archive (as a pod starts), then, after one
 * training start that writes the service's archive ({@code eu.vigie.local.ClassDataArchive}, as the local suite
 * does on its first run), several times with it: it times each start from the process spawn until
 * {@code /q/health/ready} answers 200, reads Quarkus' own "started in", and after a settling pause
 * reads the resident set ({@code VmRSS} in {@code /proc/<pid>/status}) at rest, then scrapes {@code /q/metrics} (the
 * JVM's heap and non-heap use) and reads the resident set again. Linux only (it reads {@code /proc}).
 *
 * <pre>
 *   ./mvnw -B -q package -DskipTests
 *   java -cp "local/target/vigie-local.jar:local/target/lib/*" bench/Footprint.java [--runs 3] [--settle 10]
 *        [--options configmap|launcher] [--services case-service,notify-service]
 * </pre>
 * It prints a Markdown report and writes it to {@code bench/reports/footprint-<date>.md}.
 */
public class Footprint {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    /** One line of the report: a service started one way (without or with its class-data archive). */
    record Row(String service, String start) {
    }

    /**
     * One start: its times, its resident set at rest (after the settling pause, before any request but the readiness
     * probes) and after its first Prometheus scrape (which, through the gauges' queries, also starts the query parser
     * that the first business request would start), and the JVM's own figures from that scrape.
     */
    record Run(double startedInSeconds, double readySeconds, long rssAtRestBytes, long rssAfterScrapeBytes, long heapUsed,
            long heapCommitted, long nonHeapUsed) {
    }

    /** The pause after the first scrape before the second reading: past one native-heap trimming interval (5 s). */
    private static final Duration AFTER_SCRAPE = Duration.ofSeconds(6);

    public static void main(String[] args) throws Exception {
        Map<String, String> options = CommandLineOptions.parse(args, "Footprint [--runs 3] [--settle 10]"
                + " [--options configmap|launcher] [--services ingest-service,classify-service,case-service,notify-service]"
                + " [--repository .]", "runs", "settle", "options", "services", "repository");
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        int settleSeconds = Integer.parseInt(options.getOrDefault("settle", "10"));
        String optionSet = options.getOrDefault("options", "configmap");
        if (!optionSet.equals("configmap") && !optionSet.equals("launcher")) {
            throw new IllegalArgumentException("--options is configmap or launcher, not " + optionSet);
        }
        boolean launcherOptions = optionSet.equals("launcher");
        Path repository = Path.of(options.getOrDefault("repository", ".")).toAbsolutePath().normalize();
        Path keycloak = repository.resolve("local/target/keycloak-26.5.6");
        Path logs = Files.createTempDirectory("vigie-footprint");
        String loadBefore = loadAverage();

        Map<Row, List<Run>> results = new LinkedHashMap<>();
        Map<String, String> javaOptions = new LinkedHashMap<>();
        long suiteStart = System.nanoTime();
        try (Suite suite = Suite.start(repository, keycloak, SuitePorts.free(), logs, false)) {
            System.out.printf("Suite started in %.1f s; measuring %d start(s) per service%n",
                    (System.nanoTime() - suiteStart) / 1e9, runs);
            List<String> measuredServices = Arrays.asList(options.getOrDefault("services", String.join(",", Suite.SERVICES)).split(","));
            for (String name : Suite.SERVICES) {
                if (!measuredServices.contains(name)) {
                    continue;
                }
                Path jar = repository.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
                ProcessHandle original = ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().map(c -> c.contains(jar.toString())).orElse(false))
                        .findFirst().orElseThrow(() -> new IllegalStateException("No running " + name));
                Map<String, String> environment = environ(original.pid());
                List<String> properties = systemProperties(original.pid());
                JvmSettings jvm = launcherOptions ? JvmSettings.local() : JvmSettings.pod(repository, name);
                String opts = jvm.javaOptions();
                if (!launcherOptions) { // the suite's process already has the launcher's own MALLOC_ARENA_MAX
                    environment.putAll(jvm.environment());
                }
                javaOptions.put(name, opts);
                int port = suite.service(name).port();
                suite.service(name).close();
                List<Run> plain = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    plain.add(measure(name, jar, port, opts, List.of(), properties, environment, logs, settleSeconds));
                    System.out.printf("  %s without archive, run %d: %s%n", name, i + 1, plain.get(plain.size() - 1));
                }
                ClassDataArchive archive = ClassDataArchive.of(jar, ServiceProcess.javaBinary(), opts);
                if (!archive.usable()) {
                    Run training = measure(name, jar, port, opts, archive.startOptions(), properties, environment, logs,
                            settleSeconds);
                    archive.commit();
                    System.out.printf("  %s training start (writes the archive): %s%n", name, training);
                }
                if (!archive.usable()) {
                    throw new IllegalStateException("The training start of " + name + " wrote no class-data archive");
                }
                List<Run> archived = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    archived.add(measure(name, jar, port, opts, archive.startOptions(), properties, environment, logs,
                            settleSeconds));
                    System.out.printf("  %s with archive, run %d: %s%n", name, i + 1, archived.get(archived.size() - 1));
                }
                results.put(new Row(name, "no archive" + (launcherOptions ? " (the local suite's first start)" : " (a pod's start)")), plain);
                results.put(new Row(name, "class-data archive" + (launcherOptions ? " (the local suite's later starts)" : "")), archived);
            }
        }
        String report = report(results, javaOptions, launcherOptions, runs, settleSeconds, loadBefore, loadAverage());
        System.out.println(report);
        Path out = DailyReport.append(repository, "footprint", "Service start time and memory (JVM mode)", null, report);
        System.out.println("Written to " + repository.relativize(out));
    }

    private static Run measure(String name, Path jar, int port, String javaOptions, List<String> archiveOptions,
            List<String> properties, Map<String, String> environment, Path logs, int settleSeconds) throws Exception {
        Path log = logs.resolve(name + "-footprint.log");
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>();
        command.add(ServiceProcess.javaBinary());
        command.addAll(Arrays.asList(javaOptions.trim().split("\\s+")));
        command.addAll(archiveOptions);
        command.addAll(properties);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        long spawned = System.nanoTime();
        Process process = builder.start();
        try {
            String base = "http://localhost:" + port;
            long deadline = spawned + Duration.ofMinutes(3).toNanos();
            while (status(base + "/q/health/ready") != 200) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " did not become ready; see " + log);
                }
                Thread.sleep(20);
            }
            double ready = (System.nanoTime() - spawned) / 1e9;
            Thread.sleep(settleSeconds * 1000L);
            long atRest = rss(process.pid());
            String metrics = body(base + "/q/metrics");
            Thread.sleep(AFTER_SCRAPE.toMillis());
            Matcher started = STARTED_IN.matcher(Files.readString(log));
            double startedIn = started.find() ? Double.parseDouble(started.group(1)) : Double.NaN;
            return new Run(startedIn, ready, atRest, rss(process.pid()),
                    sum(metrics, "jvm_memory_used_bytes", "area=\"heap\""),
                    sum(metrics, "jvm_memory_committed_bytes", "area=\"heap\""),
                    sum(metrics, "jvm_memory_used_bytes", "area=\"nonheap\""));
        } finally {
            process.destroy(); // SIGTERM: a training start writes its archive as it ends
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static String report(Map<Row, List<Run>> results, Map<String, String> javaOptions, boolean launcherOptions, int runs,
            int settleSeconds, String loadBefore, String loadAfter) {
        StringBuilder out = new StringBuilder();
        out.append("Measured by `bench/Footprint.java`: ").append(runs)
                .append(" start(s) per service, each with the JVM options ")
                .append(launcherOptions ? "the local suite gives it (`--options launcher`)" : "of its Kubernetes ConfigMap")
                .append(", without and with a class-data archive, against the")
                .append(" real suite (embedded PostgreSQL, Keycloak); the resident set read ").append(settleSeconds)
                .append(" s after readiness (at rest: no request yet but the readiness probes), then ")
                .append(AFTER_SCRAPE.toSeconds()).append(" s after the first Prometheus scrape of `/q/metrics`")
                .append(" (whose gauges' queries start the query parser, as a first business request would).")
                .append(" Medians; the range is in brackets.\n")
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores; load average ")
                .append(loadBefore).append(" before, ").append(loadAfter).append(" after.\n\n");
        out.append("| service | start | JVM options (MALLOC_ARENA_MAX=2) | Quarkus \"started in\" | spawn to ready | RSS after start, at rest | RSS after the first scrape | heap used | heap committed | non-heap used |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<Row, List<Run>> e : results.entrySet()) {
            List<Run> r = e.getValue();
            out.append("| ").append(e.getKey().service()).append(" | ").append(e.getKey().start()).append(" | `")
                    .append(javaOptions.get(e.getKey().service()).trim()).append("` | ")
                    .append(seconds(r.stream().mapToDouble(Run::startedInSeconds).toArray())).append(" | ")
                    .append(seconds(r.stream().mapToDouble(Run::readySeconds).toArray())).append(" | ")
                    .append(megabytes(r.stream().mapToLong(Run::rssAtRestBytes).toArray())).append(" | ")
                    .append(megabytes(r.stream().mapToLong(Run::rssAfterScrapeBytes).toArray())).append(" | ")
                    .append(megabytes(r.stream().mapToLong(Run::heapUsed).toArray())).append(" | ")
                    .append(megabytes(r.stream().mapToLong(Run::heapCommitted).toArray())).append(" | ")
                    .append(megabytes(r.stream().mapToLong(Run::nonHeapUsed).toArray())).append(" |\n");
        }
        out.append("\nGoal (issue 8): at most 3 s to start and 200 MB after start in JVM mode.\n");
        return out.toString();
    }

    private static String seconds(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return String.format("%.2f s [%.2f-%.2f]", v[v.length / 2], v[0], v[v.length - 1]);
    }

    private static String megabytes(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return String.format("%d MiB [%d-%d] (%d MB)", v[v.length / 2] >> 20, v[0] >> 20, v[v.length - 1] >> 20,
                Math.round(v[v.length / 2] / 1e6));
    }

    private static Map<String, String> environ(long pid) throws IOException {
        Map<String, String> env = new HashMap<>();
        for (String entry : new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "environ")),
                StandardCharsets.UTF_8).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }

    /** The -D options the suite started the service with (its configuration beyond the environment). */
    private static List<String> systemProperties(long pid) throws IOException {
        List<String> properties = new ArrayList<>();
        for (String arg : new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")),
                StandardCharsets.UTF_8).split("\0")) {
            if (arg.startsWith("-D")) {
                properties.add(arg);
            }
        }
        return properties;
    }

    private static long rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("No VmRSS for " + pid);
    }

    /** Sums the Prometheus samples of a metric whose labels contain the given label. */
    private static long sum(String metrics, String metric, String label) {
        double total = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith(metric + "{") && line.contains(label)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) total;
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String body(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/plain").build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String loadAverage() {
        try {
            return Optional.of(Files.readString(Path.of("/proc/loadavg")).split(" "))
                    .map(f -> f[0] + " " + f[1] + " " + f[2]).get();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
