package eu.vigie.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * How the launcher runs one service's JVM: its options, the environment variables that shape its native memory (set
 * unless the launcher's own environment sets them), and whether it keeps a class-data archive ({@link ClassDataArchive}).
 * Two sets, chosen by {@value #JVM} (or the environment variable {@code VIGIE_SERVICE_JVM}):
 * <ul>
 * <li>{@code local} (the default): the quick-start settings of the local suite, which start four services and
 * Keycloak quickly on a small machine and keep each service within 200 MB: the C1 compiler only, which compiles a
 * method after five times as many calls or loop iterations as by default so that the code the start runs a few
 * hundred times stays interpreted and out of the code cache; a small serial-collected heap that gives back what it does
 * not use, with a young generation of at most 8 MiB; native-heap trimming; at most two malloc arenas; a class-data
 * archive unless {@value #CLASS_DATA_ARCHIVE} says {@code false}. {@value #JAVA_OPTIONS} replaces the JVM options.</li>
 * <li>{@code pod}: each service's own Kubernetes ConfigMap ({@code k8s/base/<service>/configmap.yaml}): its
 * {@code JAVA_OPTS_APPEND} (the C2 compiler, the service's heap) and {@code MALLOC_ARENA_MAX}, and no class-data
 * archive, as the pods run. Benchmarks use these, because C1-only code makes throughput figures (RS256 token checks
 * above all) meaningless, and a figure is only worth quoting for the settings that are deployed.</li>
 * </ul>
 */
public record JvmSettings(String javaOptions, Map<String, String> environment, boolean classDataArchive) {

    /** The system property that chooses the settings: {@code local} or {@code pod}. */
    public static final String JVM = "vigie.service.jvm";
    /** The system property (or VIGIE_SERVICE_JAVA_OPTIONS) that replaces the local settings' JVM options. */
    public static final String JAVA_OPTIONS = "vigie.service.java-options";
    /**
     * The system property (or, as VIGIE_SERVICE_CLASS_DATA_ARCHIVE, the environment variable) that turns the local
     * settings' class-data archives off with {@code false}; they are on by default.
     */
    public static final String CLASS_DATA_ARCHIVE = "vigie.service.class-data-archive";

    static final String DEFAULT_JAVA_OPTIONS = "-Xms16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:MaxNewSize=8m -Xmx256m"
            + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:Tier3InvocationThreshold=1000 -XX:Tier3MinInvocationThreshold=500"
            + " -XX:Tier3CompileThreshold=10000 -XX:Tier3BackEdgeThreshold=300000 -Xshare:auto"
            + (nativeHeapTrimmingSupported() ? " -XX:TrimNativeHeapInterval=5000" : "");
    /** At most two glibc malloc arenas (the default is eight per core), as the Kubernetes ConfigMaps give the pods. */
    static final String MALLOC_ARENA_MAX = "2";

    /** The ConfigMap keys that configure the JVM rather than the service. */
    private static final String POD_JAVA_OPTIONS = "JAVA_OPTS_APPEND";
    private static final List<String> POD_JVM_ENVIRONMENT = List.of("MALLOC_ARENA_MAX");

    public JvmSettings {
        environment = Map.copyOf(environment);
    }

    /** The settings {@value #JVM} chooses for {@code service}, built from the repository at {@code repository}. */
    public static JvmSettings chosen(Path repository, String service) throws IOException {
        return choice().equals("pod") ? pod(repository, service) : local();
    }

    /**
     * What {@value #JVM} (or VIGIE_SERVICE_JVM) chooses: {@code local} (also when unset) or {@code pod}.
     *
     * @throws IllegalArgumentException for any other value, naming the two
     */
    public static String choice() {
        String choice = setting(JVM, "VIGIE_SERVICE_JVM");
        if (choice == null) {
            return "local";
        }
        if (choice.equals("local") || choice.equals("pod")) {
            return choice;
        }
        throw new IllegalArgumentException(JVM + " (VIGIE_SERVICE_JVM) is local or pod, not " + choice);
    }

    /** The local suite's quick-start settings (see the class comment). */
    public static JvmSettings local() {
        String options = setting(JAVA_OPTIONS, "VIGIE_SERVICE_JAVA_OPTIONS");
        String archive = setting(CLASS_DATA_ARCHIVE, "VIGIE_SERVICE_CLASS_DATA_ARCHIVE");
        return new JvmSettings(options != null ? options : DEFAULT_JAVA_OPTIONS, Map.of("MALLOC_ARENA_MAX", MALLOC_ARENA_MAX),
                archive == null || !archive.equalsIgnoreCase("false"));
    }

    /**
     * The settings the Kubernetes ConfigMap of {@code service} gives its pods, read from
     * {@code k8s/base/<service>/configmap.yaml} under {@code repository}.
     */
    public static JvmSettings pod(Path repository, String service) throws IOException {
        Path file = repository.resolve("k8s/base").resolve(service).resolve("configmap.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No Kubernetes ConfigMap for " + service + " at " + file);
        }
        JsonNode data = new ObjectMapper(new YAMLFactory()).readTree(file.toFile()).path("data");
        JsonNode options = data.path(POD_JAVA_OPTIONS);
        if (!options.isTextual() || options.asText().isBlank()) {
            throw new IllegalStateException("The ConfigMap " + file + " gives no " + POD_JAVA_OPTIONS);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (String key : POD_JVM_ENVIRONMENT) {
            if (data.hasNonNull(key)) {
                environment.put(key, data.get(key).asText());
            }
        }
        String javaOptions = options.asText().trim();
        if (!nativeHeapTrimmingSupported()) { // the pods' JDK has it; a laptop's older JDK 17 would refuse to start
            javaOptions = javaOptions.replaceAll("\\s*-XX:TrimNativeHeapInterval=\\d+", "").trim();
        }
        return new JvmSettings(javaOptions, environment, false);
    }

    /** The options as the words of a command line. */
    public List<String> javaOptionWords() {
        return List.of(javaOptions.trim().split("\\s+"));
    }

    /**
     * Whether this JVM gives the glibc heap's free memory back to the system periodically
     * ({@code -XX:TrimNativeHeapInterval}, in JDK 17 from update 9 on): what the JIT compilers and class loading of the
     * start used and freed would otherwise stay resident.
     */
    private static boolean nativeHeapTrimmingSupported() {
        Runtime.Version version = Runtime.version();
        return version.feature() > 17 || version.feature() == 17 && version.update() >= 9;
    }

    private static String setting(String property, String environmentVariable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
