package eu.vigie.e2e;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import eu.vigie.local.Suite;
import eu.vigie.local.SuitePorts;

/**
 * Starts the real suite once for every end-to-end test class (on free ports, so a suite already
 * running on this machine is not disturbed) and stops it when the test run ends.
 */
public class SuiteExtension implements BeforeAllCallback {

    private static Suite suite;

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (suite == null) {
            Path repository = Path.of(System.getProperty("vigie.repository", "..")).toAbsolutePath().normalize();
            Path keycloak = Path.of(System.getProperty("vigie.keycloak.home",
                    repository.resolve("local/target/keycloak-26.5.6").toString()));
            Path logs = Path.of(System.getProperty("vigie.logs", "target/suite-logs"));
            long start = System.nanoTime();
            suite = Suite.start(repository, keycloak, SuitePorts.free(), logs, false);
            System.out.printf("Suite started in %.1f s (logs in %s)%n", (System.nanoTime() - start) / 1e9, logs);
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .put(SuiteExtension.class.getName(), (ExtensionContext.Store.CloseableResource) suite::close);
        }
    }

    public static Suite suite() {
        return suite;
    }
}
