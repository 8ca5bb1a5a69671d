package eu.vigie.cases;

import eu.vigie.testing.EmbeddedPostgresResource;
import eu.vigie.testing.TestIssuers;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * What every {@code @QuarkusTest} of this module runs against. Quarkus applies a test resource declared
 * without {@code restrictToAnnotatedClass} to all the tests of the module, whichever class declares it,
 * so it is declared once, here, rather than on each test class. The application under test therefore
 * starts once for all the classes that share its test profile.
 */
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TestIssuers.class)
@QuarkusTestResource(NotifyServiceMock.class)
@QuarkusTestResource(ClassifyServiceMock.class)
@QuarkusTestResource(IngestServiceMock.class)
final class CaseServiceTestResources {

    private CaseServiceTestResources() {
    }
}
