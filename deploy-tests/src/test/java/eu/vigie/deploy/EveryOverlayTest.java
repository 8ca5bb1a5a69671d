package eu.vigie.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules every overlay keeps, checked on what {@code kubectl kustomize k8s/overlays/<name>} renders. */
class EveryOverlayTest {

    private static void kept(List<String> violations) {
        assertTrue(violations.isEmpty(), () -> String.join("\n", violations));
    }

    @ParameterizedTest
    @ValueSource(strings = { "local", "production" })
    void oneDeploymentServiceServiceAccountHpaAndPdbPerService(String overlay) {
        kept(Rules.oneOfEachPerService(RenderedOverlays.of(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "local", "production" })
    void podsAreHardened(String overlay) {
        kept(Rules.hardenedPods(RenderedOverlays.of(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "local", "production" })
    void startupLivenessAndReadinessProbesOnTheHealthEndpoints(String overlay) {
        kept(Rules.probes(RenderedOverlays.of(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "local", "production" })
    void requestsAndLimitsHoldTheJvm(String overlay) {
        kept(Rules.resources(RenderedOverlays.of(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "local", "production" })
    void shutdownDrainsInFlightWork(String overlay) {
        kept(Rules.gracefulShutdown(RenderedOverlays.of(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "local", "production" })
    void defaultDenyAndOnlyTheFlowsVigieNeeds(String overlay) {
        kept(Rules.networkPolicies(RenderedOverlays.of(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "local", "production" })
    void noSecretInClear(String overlay) {
        kept(Rules.noSecretInClear(RenderedOverlays.of(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "local", "production" })
    void configurationContractPointsAtWhatIsDeployed(String overlay) {
        kept(Rules.configuration(RenderedOverlays.of(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "local", "production" })
    void metricsAreScraped(String overlay) {
        kept(Rules.metricsScraped(RenderedOverlays.of(overlay), overlay.equals("production")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "local", "production" })
    void theConsoleIsRoutedSignedInWithItsOwnClientAndBehindTheTlsProxy(String overlay) {
        kept(Console.rules(RenderedOverlays.of(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "local", "production" })
    void everySecretKeyReadIsOneTheReadmeTellsTheOperatorToCreate(String overlay) {
        kept(Console.secretsDocumented(RenderedOverlays.of(overlay), Console.readme()));
    }

    @Test
    void forwardedHeadersAreBelievedOnKubernetesOnlyNotInLocalRuns() {
        kept(Console.noProxyOutsideKubernetes(Console.caseServiceApplicationProperties()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "local", "production" })
    void everythingIsInTheVigieNamespace(String overlay) {
        Manifests m = RenderedOverlays.of(overlay);
        List<String> elsewhere = m.all().stream()
                .filter(o -> !o.path("kind").asText().equals("Namespace"))
                .filter(o -> !"vigie".equals(o.path("metadata").path("namespace").asText()))
                .map(Manifests::describe)
                .toList();
        assertEquals(List.of(), elsewhere, "objects outside the namespace vigie");
    }
}
