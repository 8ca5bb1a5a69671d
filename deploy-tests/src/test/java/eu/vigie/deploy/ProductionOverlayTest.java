package eu.vigie.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What production adds: three replicas at least, spread across zones, a three-instance database. */
class ProductionOverlayTest {

    private static final Manifests PRODUCTION = RenderedOverlays.of("production");

    private static void kept(List<String> violations) {
        assertTrue(violations.isEmpty(), () -> String.join("\n", violations));
    }

    @Test
    void atLeastThreeReplicasOfEachServiceSpreadAcrossZones() {
        kept(Rules.replicas(PRODUCTION, 3, true));
    }

    @Test
    void threePostgresInstancesWithBackupsAndADatabasePerServiceAndTheFourRealms() {
        kept(Rules.dataAndIdentity(PRODUCTION, 3));
    }

    @Test
    void postgresInstancesMustLandInDifferentZones() {
        var affinity = PRODUCTION.get("Cluster", "vigie-db").path("spec").path("affinity");
        assertTrue(affinity.path("enablePodAntiAffinity").asBoolean(false)
                && "topology.kubernetes.io/zone".equals(affinity.path("topologyKey").asText())
                && "required".equals(affinity.path("podAntiAffinityType").asText()), affinity::toString);
    }

    @Test
    void keycloakRunsThreeInstances() {
        int instances = PRODUCTION.get("Keycloak", "vigie-keycloak").path("spec").path("instances").asInt();
        assertTrue(instances >= 3, "Keycloak instances: " + instances);
    }

    @Test
    void operatorsAreAlertedOnOverdueOrdersAndStuckMessagesWithMetricsTheServicesPublish() {
        kept(Rules.alerts(PRODUCTION, Manifests.serviceSources()));
    }
}
