package eu.vigie.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keycloak from its Maven Central server distribution, in development mode, with the four realms
 * of Vigie's tenants imported afresh at every start (demo accounts, fixed demo secrets).
 */
public final class LocalKeycloak implements AutoCloseable {

    public static final List<String> REALMS = List.of("vigie", "gb", "fr", "platforms");

    private final Process process;
    private final int port;

    private LocalKeycloak(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * The placeholder in the realm files for case-service's base URL (the console's redirect URIs), replaced when
     * the realms are copied for import, so that the console works whatever port case-service runs on.
     */
    public static final String CASE_SERVICE_URL = "@CASE_SERVICE_URL@";

    /** The demo secret of the console's confidential client {@code vigie-console} in the government realms. */
    public static final String CONSOLE_SECRET = "vigie-console-demo-secret-0123456789abcdef";

    /** As {@link #start(Path, int, int, Path, String)} with case-service on its default port. */
    public static LocalKeycloak start(Path home, int port, int managementPort, Path log) throws IOException, InterruptedException {
        return start(home, port, managementPort, log, "http://localhost:8083");
    }

    /**
     * Starts Keycloak with the realms imported afresh.
     *
     * @param caseServiceUrl where case-service (and so the officers' console) listens, e.g. {@code http://localhost:8083}
     */
    public static LocalKeycloak start(Path home, int port, int managementPort, Path log, String caseServiceUrl)
            throws IOException, InterruptedException {
        Path kc = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(kc)) {
            throw new IllegalStateException("No Keycloak distribution at " + home
                    + ": build the launcher first (./mvnw package -DskipTests), it unpacks the one from Maven Central");
        }
        kc.toFile().setExecutable(true);
        // A fresh realm state every start: drop the development database, import the realms again.
        deleteTree(home.resolve("data/h2"));
        Path imports = home.resolve("data/import");
        deleteTree(imports);
        Files.createDirectories(imports);
        for (String realm : REALMS) {
            try (InputStream in = LocalKeycloak.class.getResourceAsStream("/realms/" + realm + "-realm.json")) {
                String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .replace(CASE_SERVICE_URL, caseServiceUrl);
                Files.writeString(imports.resolve(realm + "-realm.json"), json, java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(kc.toString(), "start-dev", "--import-realm",
                "--http-port=" + port, "--http-management-port=" + managementPort, "--health-enabled=true")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        builder.environment().putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        Process process = builder.start();
        LocalKeycloak keycloak = new LocalKeycloak(process, port);
        try {
            for (String realm : REALMS) {
                Processes.awaitOk("Keycloak (see " + log + ")", keycloak.issuer(realm) + "/.well-known/openid-configuration",
                        process, Duration.ofMinutes(8));
            }
        } catch (RuntimeException | InterruptedException e) {
            keycloak.close();
            throw e;
        }
        return keycloak;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String issuer(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    public String tokenEndpoint(String realm) {
        return issuer(realm) + "/protocol/openid-connect/token";
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(15));
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
