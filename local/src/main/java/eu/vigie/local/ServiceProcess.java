package eu.vigie.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One Vigie service run as an operator would: its packaged jar, configured through environment variables only. */
public final class ServiceProcess implements AutoCloseable {

    /**
     * The system property that sets the services' JVM options. The default starts four services and
     * Keycloak quickly on a small machine, and keeps each service within 200 MB (the C1 compiler only, which
     * compiles a method after five times as many calls or loop iterations as by default so that the code the start
     * runs a few hundred times stays interpreted and out of the code cache, a small serial-collected heap that gives
     * back what it does not use, with a young generation of at most 8 MiB, native-heap trimming);
     * benchmarks set the production options of the Kubernetes ConfigMaps instead, because C1-only
     * code makes throughput figures (RS256 token checks above all) meaningless.
     */
    public static final String JAVA_OPTIONS = "vigie.service.java-options";
    static final String DEFAULT_JAVA_OPTIONS = "-Xms16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:MaxNewSize=8m -Xmx256m"
            + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:Tier3InvocationThreshold=1000 -XX:Tier3MinInvocationThreshold=500"
            + " -XX:Tier3CompileThreshold=10000 -XX:Tier3BackEdgeThreshold=300000 -Xshare:auto" + nativeHeapTrimming();
    /**
     * The system property (or, as VIGIE_SERVICE_CLASS_DATA_ARCHIVE, the environment variable) that turns the services'
     * class-data archives ({@link ClassDataArchive}) off with {@code false}; they are on by default.
     */
    public static final String CLASS_DATA_ARCHIVE = "vigie.service.class-data-archive";
    /**
     * At most two glibc malloc arenas (the default is eight per core), as the Kubernetes ConfigMaps give the pods;
     * the environment the launcher runs in may set another value.
     */
    static final String MALLOC_ARENA_MAX = "2";

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Map<String, String> systemProperties;
    private final Path log;
    private Process process;
    private ClassDataArchive archive;

    ServiceProcess(String name, Path jar, int port, Map<String, String> environment,
            Map<String, String> systemProperties, Path log) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = environment;
        this.systemProperties = systemProperties;
        this.log = log;
    }

    /** Starts the service (appending to its log) without waiting for it. */
    public synchronized void launch() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged " + name + " at " + jar + ": run ./mvnw package -DskipTests first");
        }
        Files.createDirectories(log.getParent());
        String java = javaBinary();
        String options = javaOptions();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(options.trim().split("\\s+")));
        archive = classDataArchiveWanted() ? ClassDataArchive.of(jar, java, options) : null;
        if (archive != null) {
            command.addAll(archive.startOptions());
        }
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", MALLOC_ARENA_MAX);
        builder.environment().putAll(environment);
        process = builder.start();
    }

    public void awaitReady(Duration timeout) throws InterruptedException {
        Processes.awaitOk(name + " (see " + log + ")", baseUrl() + "/q/health/ready", process, timeout);
    }

    public void start() throws IOException, InterruptedException {
        launch();
        awaitReady(Duration.ofMinutes(2));
    }

    /** Stops the service as an operator would (SIGTERM: requests in flight drain); {@link #start()} brings it back. */
    public synchronized void stop() {
        boolean graceful = Processes.stop(process, Duration.ofSeconds(20));
        if (archive != null) {
            if (graceful) {
                archive.commit();
            } else {
                archive.discard();
            }
        }
    }

    /**
     * The HTTP status of {@code /q/health/ready} now (200 ready, 503 not ready), or -1 when nothing
     * answers.
     */
    public int readiness() {
        return Processes.status(baseUrl() + "/q/health/ready");
    }

    /** Kills the service with SIGKILL, as a crash would: no shutdown hook, no draining. */
    public synchronized void kill() throws InterruptedException {
        Processes.kill(process);
        if (archive != null) {
            archive.discard();
        }
    }

    /** The operating system's id of the running process (to tell a recovery from a restart), or -1. */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    @Override
    public synchronized void close() {
        stop();
    }

    /** {@link #JAVA_OPTIONS}, else the environment variable VIGIE_SERVICE_JAVA_OPTIONS, else the quick-start default. */
    public static String javaOptions() {
        String property = System.getProperty(JAVA_OPTIONS);
        if (property != null && !property.isBlank()) {
            return property;
        }
        String environment = System.getenv("VIGIE_SERVICE_JAVA_OPTIONS");
        return environment != null && !environment.isBlank() ? environment : DEFAULT_JAVA_OPTIONS;
    }

    /**
     * Gives the glibc heap's free memory back to the system every 5 s ({@code -XX:TrimNativeHeapInterval}, in JDK 17
     * from update 9 on): what the JIT compilers and class loading of the start used and freed would stay resident.
     */
    private static String nativeHeapTrimming() {
        Runtime.Version version = Runtime.version();
        boolean supported = version.feature() > 17 || version.feature() == 17 && version.update() >= 9;
        return supported ? " -XX:TrimNativeHeapInterval=5000" : "";
    }

    /** Unless {@link #CLASS_DATA_ARCHIVE} or VIGIE_SERVICE_CLASS_DATA_ARCHIVE says false. */
    static boolean classDataArchiveWanted() {
        String setting = System.getProperty(CLASS_DATA_ARCHIVE, System.getenv("VIGIE_SERVICE_CLASS_DATA_ARCHIVE"));
        return setting == null || !setting.trim().equalsIgnoreCase("false");
    }

    /**
     * The JVM the services are started with: the launcher's own. Benchmarks that start a service themselves use it
     * too, so that a class-data archive they write names the JVM the suite's starts will look for.
     */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
