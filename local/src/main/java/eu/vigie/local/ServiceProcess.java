package eu.vigie.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Vigie service run as an operator would: its packaged jar, configured through environment variables only, its JVM
 * run with the {@link JvmSettings} it is given.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Map<String, String> systemProperties;
    private final Path log;
    private final JvmSettings jvm;
    private Process process;
    private ClassDataArchive archive;

    ServiceProcess(String name, Path jar, int port, Map<String, String> environment,
            Map<String, String> systemProperties, Path log, JvmSettings jvm) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = environment;
        this.systemProperties = systemProperties;
        this.log = log;
        this.jvm = jvm;
    }

    /** Starts the service (appending to its log) without waiting for it. */
    public synchronized void launch() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged " + name + " at " + jar + ": run ./mvnw package -DskipTests first");
        }
        Files.createDirectories(log.getParent());
        String java = javaBinary();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvm.javaOptionWords());
        archive = jvm.classDataArchive() ? ClassDataArchive.of(jar, java, jvm.javaOptions()) : null;
        if (archive != null) {
            command.addAll(archive.startOptions());
        }
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        jvm.environment().forEach(builder.environment()::putIfAbsent); // the launcher's own environment wins
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

    /** The JVM settings the service runs with. */
    public JvmSettings jvm() {
        return jvm;
    }

    @Override
    public synchronized void close() {
        stop();
    }

    /**
     * The JVM the services are started with: the launcher's own. Benchmarks that start a service themselves use it
     * too, so that a class-data archive they write names the JVM the suite's starts will look for.
     */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
