package eu.vigie.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The objects of one kustomize overlay, rendered offline by {@code kubectl kustomize} exactly as
 * {@code kubectl apply -k} would send them.
 */
final class Manifests {

    /** The four services: each has one Deployment, Service, ServiceAccount, HPA and PDB of this name. */
    static final List<String> SERVICES = List.of("ingest-service", "classify-service", "case-service", "notify-service");

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String overlay;
    private final List<JsonNode> objects;

    Manifests(String overlay, List<JsonNode> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    /** Renders k8s/overlays/{overlay}; fails (never skips) when kubectl is missing or kustomize refuses. */
    static Manifests render(String overlay) {
        Path dir = k8sRoot().resolve("overlays").resolve(overlay);
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("No overlay " + dir);
        }
        Path kubectl = kubectl();
        ProcessBuilder builder = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString());
        builder.redirectErrorStream(false);
        try {
            Process process = builder.start();
            byte[] err;
            byte[] out;
            try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
                ByteArrayOutputStream errBuffer = new ByteArrayOutputStream();
                Thread errReader = new Thread(() -> copy(stderr, errBuffer));
                errReader.start();
                out = stdout.readAllBytes();
                errReader.join(60_000);
                err = errBuffer.toByteArray();
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + dir + " did not finish within 120 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "):\n"
                        + new String(err, StandardCharsets.UTF_8));
            }
            return new Manifests(overlay, parse(new String(out, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new AssertionError("Could not run " + kubectl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while rendering " + dir, e);
        }
    }

    static List<JsonNode> parse(String yaml) {
        List<JsonNode> result = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && node.isObject() && node.size() > 0) {
                    result.add(node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            // the exit code and what was read so far tell the story
        }
    }

    /** The services' main Java sources, concatenated: what the rules check metric names against. */
    static String serviceSources() {
        Path repository = k8sRoot().toAbsolutePath().getParent();
        StringBuilder all = new StringBuilder();
        for (String module : List.of("common", "ingest-service", "classify-service", "case-service", "notify-service")) {
            Path main = repository.resolve(module).resolve("src/main/java");
            try (var files = Files.walk(main)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    all.append(Files.readString(file)).append('\n');
                }
            } catch (IOException e) {
                throw new AssertionError("Cannot read the sources under " + main, e);
            }
        }
        return all.toString();
    }

    static Path k8sRoot() {
        String configured = System.getProperty("vigie.k8s");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "k8s");
        if (!Files.isDirectory(root)) {
            throw new AssertionError("The k8s/ folder was not found at " + root.toAbsolutePath()
                    + " (system property vigie.k8s)");
        }
        return root.normalize();
    }

    /** kubectl from -Dvigie.kubectl, else the PATH, else /usr/bin/kubectl; a clear failure when absent. */
    static Path kubectl() {
        String configured = System.getProperty("vigie.kubectl");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (Files.isExecutable(path)) {
                return path;
            }
            throw new AssertionError("-Dvigie.kubectl=" + configured + " is not an executable file");
        }
        String pathVariable = Optional.ofNullable(System.getenv("PATH")).orElse("");
        Optional<Path> onPath = Stream.of(pathVariable.split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(s -> Path.of(s, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst();
        if (onPath.isPresent()) {
            return onPath.get();
        }
        Path usual = Path.of("/usr/bin/kubectl");
        if (Files.isExecutable(usual)) {
            return usual;
        }
        throw new AssertionError("kubectl (with kustomize v5, e.g. kubectl 1.27 or later) is required to render k8s/ "
                + "offline and was found neither on the PATH nor at /usr/bin/kubectl; install it or pass "
                + "-Dvigie.kubectl=/path/to/kubectl. These deployment checks are never skipped.");
    }

    String overlay() {
        return overlay;
    }

    List<JsonNode> all() {
        return objects;
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(
                "overlay " + overlay + ": no " + kind + " named " + name));
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String describe(JsonNode object) {
        return object.path("kind").asText() + "/" + name(object);
    }

    /** A copy of these objects that a test may change, to prove that a rule notices. */
    Manifests copy() {
        return new Manifests(overlay, objects.stream().map(JsonNode::deepCopy).map(JsonNode.class::cast).toList());
    }
}
