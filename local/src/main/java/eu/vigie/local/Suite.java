package eu.vigie.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole of Vigie on one machine: one embedded PostgreSQL with the four databases, Keycloak with
 * the four tenants' realms, the four packaged services wired through environment variables only
 * (DESIGN.md's configuration contract), and a demo platform that verifies webhooks.
 */
public final class Suite implements AutoCloseable {

    /** The services, in the order they are listed everywhere: name, database, port. */
    public static final List<String> SERVICES = List.of("ingest-service", "classify-service", "case-service", "notify-service");

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final SuitePorts ports;
    private LocalPostgres postgres;
    private LocalKeycloak keycloak;
    private DemoPlatform demoPlatform;

    private Suite(SuitePorts ports) {
        this.ports = ports;
    }

    /**
     * Starts everything and waits until every service is ready. On failure, stops what was started.
     *
     * @param repository the repository root (the services' jars are under {@code <service>/target/quarkus-app})
     * @param keycloakHome the unpacked Keycloak distribution
     * @param logs where each process writes its log
     */
    public static Suite start(Path repository, Path keycloakHome, SuitePorts ports, Path logs, boolean verbose)
            throws IOException, InterruptedException {
        return start(repository, keycloakHome, ports, logs, verbose, Map.of());
    }

    /**
     * As {@link #start(Path, Path, SuitePorts, Path, boolean)}, with more environment variables given
     * to every service after the suite's own (a test harness's settings, e.g. a shortened
     * {@code VIGIE_CASE_COMPLIANCE_PERIOD}; each service reads only the keys it knows).
     */
    public static Suite start(Path repository, Path keycloakHome, SuitePorts ports, Path logs, boolean verbose,
            Map<String, String> extraEnvironment) throws IOException, InterruptedException {
        Suite suite = new Suite(ports);
        try {
            suite.startAll(repository, keycloakHome, logs, verbose, extraEnvironment);
            return suite;
        } catch (IOException | InterruptedException | RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    private void startAll(Path repository, Path keycloakHome, Path logs, boolean verbose,
            Map<String, String> extraEnvironment) throws IOException, InterruptedException {
        Files.createDirectories(logs);
        try {
            postgres = track(LocalPostgres.start(ports.postgres(), List.of("ingest", "classify", "cases", "notify")));
        } catch (SQLException e) {
            throw new IOException("Embedded PostgreSQL could not create the databases", e);
        }
        keycloak = track(LocalKeycloak.start(keycloakHome, ports.keycloak(), ports.keycloakManagement(),
                logs.resolve("keycloak.log"), "http://localhost:" + ports.caseService()));
        demoPlatform = track(DemoPlatform.start(ports.demoPlatform(), StandardWebhooks.newSecret(), verbose));

        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String notifySecretKey = Base64.getEncoder().encodeToString(key);
        Map<String, Integer> portOf = Map.of("ingest-service", ports.ingestService(), "classify-service", ports.classifyService(),
                "case-service", ports.caseService(), "notify-service", ports.notifyService());
        Map<String, String> database = Map.of("ingest-service", "ingest", "classify-service", "classify",
                "case-service", "cases", "notify-service", "notify");
        for (String name : SERVICES) {
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(portOf.get(name)));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database.get(name)));
            env.put("QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", LocalPostgres.PASSWORD);
            for (String realm : LocalKeycloak.REALMS) {
                env.put("QUARKUS_OIDC_" + realm.toUpperCase() + "_AUTH_SERVER_URL", keycloak.issuer(realm));
            }
            env.put("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL", keycloak.issuer("vigie"));
            env.put("QUARKUS_OIDC_CLIENT_CLIENT_ID", name);
            env.put("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET", name + "-secret");
            for (String neighbour : SERVICES) {
                env.put("QUARKUS_REST_CLIENT_" + neighbour.toUpperCase().replace('-', '_') + "_URL",
                        "http://localhost:" + portOf.get(neighbour));
            }
            env.put("VIGIE_NOTIFY_WEBHOOK_ALLOW_LIST", "127.0.0.1,localhost,::1");
            // No SMTP server on a laptop: e-mails (to platforms without a webhook, authorities,
            // regulators, operators) go to Quarkus' mock mailbox and are written to the service's log.
            env.put("QUARKUS_MAILER_MOCK", "true");
            // Production logs are JSON for collectors; on a laptop a person reads them.
            env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            env.put("VIGIE_NOTIFY_SECRET_KEY", notifySecretKey);
            env.putAll(extraEnvironment);
            Path jar = repository.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
            Map<String, String> properties = switch (name) {
                case "case-service" -> caseServiceProperties();
                case "notify-service" -> demoContactPoints();
                default -> Map.of();
            };
            services.put(name, track(new ServiceProcess(name, jar, portOf.get(name), env, properties,
                    logs.resolve(name + ".log"), JvmSettings.chosen(repository, name))));
        }
        for (ServiceProcess service : services.values()) {
            service.launch();
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(Duration.ofMinutes(5));
        }
    }

    /**
     * The competent authorities named on local demo orders (Annex I section A and the redress
     * information). A deployment configures its real ones the same way.
     */
    static Map<String, String> demoAuthorities() {
        Map<String, String> p = new LinkedHashMap<>();
        String gb = "vigie.case.authorities.GB.";
        p.put(gb + "type", "Competent authority (local demo)");
        p.put(gb + "name", "Counter Terrorism Internet Referral Unit (local demo)");
        p.put(gb + "contact", "ctiru-demo@vigie.invalid");
        p.put(gb + "redress-body", "Investigatory Powers Tribunal (local demo)");
        p.put(gb + "redress-deadline", "P28D");
        p.put(gb + "redress-legal-reference", "Regulation (EU) 2021/784, Art. 9 (local demo)");
        String fr = "vigie.case.authorities.FR.";
        p.put(fr + "type", "Autorite competente (demonstration locale)");
        p.put(fr + "name", "OCLCTIC - PHAROS (demonstration locale)");
        p.put(fr + "contact", "pharos-demo@vigie.invalid");
        p.put(fr + "redress-body", "Tribunal administratif (demonstration locale)");
        p.put(fr + "redress-deadline", "P2M");
        p.put(fr + "redress-legal-reference", "Reglement (UE) 2021/784, art. 9 (demonstration locale)");
        return p;
    }

    /**
     * case-service's demo settings: the competent authorities, and the officers' console's client secret in each
     * realm that has the console's client: the governments' (gb, fr) and the operator's (vigie, for auditors).
     */
    static Map<String, String> caseServiceProperties() {
        Map<String, String> p = new LinkedHashMap<>(demoAuthorities());
        for (String realm : List.of("gb", "fr", "vigie")) {
            p.put("vigie.case.console.client-secret." + realm, LocalKeycloak.CONSOLE_SECRET);
        }
        return p;
    }

    /** Where notify-service sends cross-border copies and breach notices in the local demo. */
    static Map<String, String> demoContactPoints() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("vigie.notify.authorities.GB.email", "home-authority-gb-demo@vigie.invalid");
        p.put("vigie.notify.authorities.FR.email", "home-authority-fr-demo@vigie.invalid");
        p.put("vigie.notify.regulators.GB.email", "ofcom-demo@vigie.invalid");
        p.put("vigie.notify.regulators.FR.email", "arcom-demo@vigie.invalid");
        p.put("vigie.notify.operators-email", "operators-demo@vigie.invalid");
        return p;
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.add(resource);
        return resource;
    }

    public ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("No service " + name);
        }
        return service;
    }

    public LocalKeycloak keycloak() {
        return keycloak;
    }

    public KeycloakTokens tokens() {
        return new KeycloakTokens(keycloak);
    }

    public DemoPlatform demoPlatform() {
        return demoPlatform;
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public SuitePorts ports() {
        return ports;
    }

    /** Stops everything in the reverse order of starting; safe to call more than once. */
    @Override
    public synchronized void close() {
        List<AutoCloseable> reverse = new ArrayList<>(started);
        java.util.Collections.reverse(reverse);
        started.clear();
        // Services first (all at once: each drains on SIGTERM), then the demo platform, Keycloak, PostgreSQL.
        reverse.stream().filter(ServiceProcess.class::isInstance).parallel().forEach(Suite::closeQuietly);
        reverse.stream().filter(r -> !(r instanceof ServiceProcess)).forEach(Suite::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("Could not stop " + resource + ": " + e.getMessage());
        }
    }
}
