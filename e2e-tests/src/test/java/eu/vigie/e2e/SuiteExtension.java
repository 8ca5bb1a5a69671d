package eu.vigie.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import eu.vigie.local.Suite;
import eu.vigie.local.SuitePorts;

/**
 * Starts the real suite once for every end-to-end test class (on free ports, so a suite already
 * running on this machine is not disturbed) and stops it when the test run ends.
 */
public class SuiteExtension implements BeforeAllCallback {

    /**
     * The removal deadline in this test deployment (case-service's {@code vigie.case.compliance-period};
     * the legal hour everywhere else), short enough to watch an order go overdue, long enough for a
     * platform that answers at once to be on time on a loaded machine.
     */
    public static final Duration COMPLIANCE_PERIOD = Duration.ofSeconds(30);

    /** What the test deployment changes: the deadline, and how soon waiting work is retried. */
    static final Map<String, String> TEST_ENVIRONMENT = Map.of(
            "VIGIE_CASE_COMPLIANCE_PERIOD", COMPLIANCE_PERIOD.toString(),
            "VIGIE_CASE_OVERDUE_CHECK_INTERVAL", "1s",
            "VIGIE_CASE_PRE_NOTICE_CHECK_INTERVAL", "1s",
            // A neighbour killed for a few seconds must not push a message's next attempt minutes away.
            "VIGIE_OUTBOX_MAX_BACKOFF", "2s");

    private static Suite suite;

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (suite == null) {
            Path repository = Path.of(System.getProperty("vigie.repository", "..")).toAbsolutePath().normalize();
            Path keycloak = Path.of(System.getProperty("vigie.keycloak.home",
                    repository.resolve("local/target/keycloak-26.5.6").toString()));
            Path logs = Path.of(System.getProperty("vigie.logs", "target/suite-logs"));
            long start = System.nanoTime();
            suite = Suite.start(repository, keycloak, SuitePorts.free(), logs, false, TEST_ENVIRONMENT);
            System.out.printf("Suite started in %.1f s (logs in %s)%n", (System.nanoTime() - start) / 1e9, logs);
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .put(SuiteExtension.class.getName(), (ExtensionContext.Store.CloseableResource) suite::close);
        }
    }

    public static Suite suite() {
        return suite;
    }
}
