package eu.vigie.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The laptop overlay: one replica of each service, still a complete and hardened suite. */
class LocalOverlayTest {

    private static final Manifests LOCAL = RenderedOverlays.of("local");

    @Test
    void oneReplicaOfEachService() {
        for (String service : Manifests.SERVICES) {
            assertEquals(1, LOCAL.get("Deployment", service).path("spec").path("replicas").asInt(), service);
            assertEquals(1, LOCAL.get("HorizontalPodAutoscaler", service).path("spec").path("maxReplicas").asInt(),
                    service);
        }
    }

    @Test
    void databaseBackupsAndRealmsAreThereWithOneInstance() {
        List<String> violations = Rules.dataAndIdentity(LOCAL, 1);
        assertTrue(violations.isEmpty(), () -> String.join("\n", violations));
    }

    @Test
    void caseServiceHasTheCompetentAuthoritiesItMounts() {
        var authorities = LOCAL.get("ConfigMap", "case-service-authorities");
        String properties = authorities.path("data").path("authorities.properties").asText();
        for (String jurisdiction : List.of("GB", "FR")) {
            for (String field : List.of("type", "name", "contact", "redress-body", "redress-deadline",
                    "redress-legal-reference")) {
                assertTrue(properties.contains("vigie.case.authorities." + jurisdiction + "." + field + "="),
                        jurisdiction + "." + field);
            }
        }
    }
}
