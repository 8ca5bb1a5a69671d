package eu.vigie.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local.sh}: starts the whole suite on this machine on embedded defaults, prints where
 * everything listens and what to call first, and stops everything on Ctrl-C.
 */
public final class VigieLocal {

    static final String KEYCLOAK_VERSION = "26.5.6";

    private VigieLocal() {
    }

    public static void main(String[] args) throws Exception {
        Path repository = repositoryRoot();
        Path keycloakHome = repository.resolve("local/target/keycloak-" + KEYCLOAK_VERSION);
        Path logs = repository.resolve(".vigie/logs");
        SuitePorts ports = SuitePorts.defaults();
        String jvm;
        try {
            jvm = JvmSettings.choice().equals("pod")
                    ? "each with its Kubernetes ConfigMap's JVM settings (VIGIE_SERVICE_JVM=pod)"
                    : "with the quick-start JVM settings (VIGIE_SERVICE_JVM=pod for the pods')";
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("Starting Vigie: embedded PostgreSQL, Keycloak " + KEYCLOAK_VERSION
                + " (about 30 s), then the four services " + jvm + ". Logs in " + logs);
        long started = System.nanoTime();
        Suite suite = Suite.start(repository, keycloakHome, ports, logs, true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Vigie...");
            suite.close();
            System.out.println("Stopped: no process left behind.");
            stopped.countDown();
        }, "vigie-local-stop"));
        System.out.println(banner(suite, (System.nanoTime() - started) / 1_000_000_000.0));
        stopped.await();
    }

    static String banner(Suite suite, double seconds) {
        SuitePorts p = suite.ports();
        String kc = suite.keycloak().baseUrl();
        return """

                Vigie is up (%.0f s). Ctrl-C stops everything.

                  ingest-service    http://localhost:%d   referrals, evidence         (OpenAPI: /q/openapi)
                  classify-service  http://localhost:%d   banks, matches, classifications
                  case-service      http://localhost:%d   cases, review, removal orders, audit
                  officers' console http://localhost:%d/console   sign in with an account below (English/French)
                  notify-service    http://localhost:%d   platforms, deliveries, inbox, feedback
                  Keycloak          %s   realms vigie, gb, fr, platforms (console admin/admin)
                  PostgreSQL        localhost:%d   databases ingest, classify, cases, notify (postgres/postgres)
                  demo platform     %s   verifies Standard Webhooks signatures

                Accounts (password "vigie"): admin, auditor (realm vigie); gb-referrer, gb-reviewer, gb-issuer,
                gb-senior, gb-scrutineer, gb-regulator (realm gb); the same with fr- (realm fr).
                Platforms (client credentials, realm platforms): examplevideo / examplevideo-secret,
                examplesocial / examplesocial-secret.

                Get a token:
                  token() { curl -s %s/realms/$1/protocol/openid-connect/token -d grant_type=password \\
                    -d client_id=vigie-cli -d username=$2 -d password=vigie | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/'; }
                  ADMIN=$(token vigie admin); REFERRER=$(token gb gb-referrer)

                First calls (the README walks through the whole flow):
                  curl -s -X POST localhost:%d/api/v1/platforms -H "Authorization: Bearer $ADMIN" \\
                    -H 'Content-Type: application/json' -d '{"id":"examplevideo","name":"ExampleVideo","hostnames":["video.example"],
                    "homeJurisdiction":"GB","email":"abuse@video.example","webhookUrl":"%s","webhookSecret":"%s","languages":["en"],"hasReceivedOrder":true}'
                  curl -s -X POST localhost:%d/api/v1/referrals -H "Authorization: Bearer $REFERRER" \\
                    -H 'Content-Type: application/json' -d '{"url":"https://www.video.example/watch?v=42&utm_source=x",
                    "contentType":"TEXT","text":"Join the jihad with Daesh","language":"en"}'
                """.formatted(seconds, p.ingestService(), p.classifyService(), p.caseService(), p.caseService(), p.notifyService(), kc, p.postgres(),
                suite.demoPlatform().webhookUrl(), kc, p.notifyService(), suite.demoPlatform().webhookUrl(),
                suite.demoPlatform().secret(), p.ingestService());
    }

    /** The repository root: the nearest folder, from here upwards, whose pom.xml is Vigie's parent. */
    static Path repositoryRoot() throws java.io.IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>vigie-parent</artifactId>")) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Run this from inside the Vigie repository");
    }
}
