package eu.vigie.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rules are only worth something if a broken manifest fails them: each test breaks one thing in a copy of
 * the rendered production overlay and expects the rule to say so.
 */
class RulesNoticeBreakageTest {

    private static Manifests broken() {
        return RenderedOverlays.of("production").copy();
    }

    private static ObjectNode container(Manifests m, String service) {
        return (ObjectNode) m.get("Deployment", service).path("spec").path("template").path("spec")
                .path("containers").get(0);
    }

    private static void noticed(List<String> violations, String expected) {
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)),
                () -> "expected a violation mentioning '" + expected + "', got: " + violations);
    }

    @Test
    void anAlertOnAMetricNoServicePublishesIsNoticed() {
        Manifests m = broken();
        ObjectNode overdue = (ObjectNode) m.get("PrometheusRule", "vigie-alerts").path("spec").path("groups").get(0)
                .path("rules").get(0);
        overdue.put("expr", "max(vigie_orders_late) > 0");
        List<String> violations = Rules.alerts(m, Manifests.serviceSources());
        noticed(violations, "vigie_orders_late, which no service publishes");
        noticed(violations, "no alert on vigie_orders_overdue");
    }

    @Test
    void aWritableRootFilesystemIsNoticed() {
        Manifests m = broken();
        ((ObjectNode) container(m, "notify-service").path("securityContext")).put("readOnlyRootFilesystem", false);
        noticed(Rules.hardenedPods(m), "readOnlyRootFilesystem is not true");
    }

    @Test
    void capabilitiesKeptAndPrivilegeEscalationAreNoticed() {
        Manifests m = broken();
        ObjectNode security = (ObjectNode) container(m, "case-service").path("securityContext");
        security.remove("capabilities");
        security.remove("allowPrivilegeEscalation");
        List<String> violations = Rules.hardenedPods(m);
        noticed(violations, "capabilities do not drop ALL");
        noticed(violations, "allowPrivilegeEscalation is not false");
    }

    @Test
    void aMissingStartupProbeIsNoticed() {
        Manifests m = broken();
        container(m, "ingest-service").remove("startupProbe");
        noticed(Rules.probes(m), "no startupProbe");
    }

    @Test
    void aMissingMemoryLimitIsNoticed() {
        Manifests m = broken();
        ((ObjectNode) container(m, "classify-service").path("resources").path("limits")).remove("memory");
        noticed(Rules.resources(m), "no limits.memory");
    }

    @Test
    void aHeapThatFillsTheLimitIsNoticed() {
        Manifests m = broken();
        ((ObjectNode) m.get("ConfigMap", "case-service-config").path("data"))
                .put("JAVA_OPTS_APPEND", "-Xmx512m");
        noticed(Rules.resources(m), "-Xmx is more than 75 %");
    }

    @Test
    void aGracePeriodShorterThanTheDrainIsNoticed() {
        Manifests m = broken();
        ((ObjectNode) m.get("Deployment", "case-service").path("spec").path("template").path("spec"))
                .put("terminationGracePeriodSeconds", 30);
        noticed(Rules.gracefulShutdown(m), "does not cover the preStop");
    }

    @Test
    void twoReplicasOrNoZoneSpreadInProductionAreNoticed() {
        Manifests m = broken();
        ((ObjectNode) m.get("Deployment", "notify-service").path("spec")).put("replicas", 2);
        ((ObjectNode) m.get("Deployment", "ingest-service").path("spec").path("template").path("spec"))
                .remove("topologySpreadConstraints");
        List<String> violations = Rules.replicas(m, 3, true);
        noticed(violations, "Deployment/notify-service: 2 replicas");
        noticed(violations, "Deployment/ingest-service: no topology spread across zones");
    }

    @Test
    void aSecondDeploymentOfAServiceOrAMissingPdbIsNoticed() {
        Manifests m = broken();
        List<JsonNode> objects = new ArrayList<>(m.all());
        ObjectNode twin = m.get("Deployment", "case-service").deepCopy();
        ((ObjectNode) twin.path("metadata")).put("name", "case-service-canary");
        objects.add(twin);
        objects.removeIf(o -> Manifests.describe(o).equals("PodDisruptionBudget/notify-service"));
        List<String> violations = Rules.oneOfEachPerService(new Manifests("production", objects));
        noticed(violations, "Deployments are");
        noticed(violations, "0 PodDisruptionBudget objects for notify-service");
    }

    @Test
    void aFlowOutsideTheArchitectureIsNoticed() {
        Manifests m = broken();
        // classify-service never calls notify-service
        ObjectNode policy = (ObjectNode) m.get("NetworkPolicy", "classify-service");
        ArrayNode egress = (ArrayNode) policy.path("spec").path("egress");
        egress.add(Manifests.YAML.valueToTree(java.util.Map.of(
                "to", List.of(java.util.Map.of("podSelector",
                        java.util.Map.of("matchLabels", java.util.Map.of("app.kubernetes.io/name", "notify-service")))),
                "ports", List.of(java.util.Map.of("protocol", "TCP", "port", 8084)))));
        noticed(Rules.networkPolicies(m), "classify-service -> notify-service:8084/TCP, which is not a flow");
    }

    @Test
    void webhooksToPrivateAddressesAreNoticed() {
        Manifests m = broken();
        JsonNode policy = m.get("NetworkPolicy", "notify-service");
        for (JsonNode rule : policy.path("spec").path("egress")) {
            for (JsonNode to : rule.path("to")) {
                if (to.has("ipBlock")) {
                    ((ObjectNode) to.path("ipBlock")).remove("except");
                }
            }
        }
        List<String> violations = Rules.networkPolicies(m);
        noticed(violations, "notify-service -> anywhere:443/TCP, which is not a flow");
        noticed(violations, "no egress rule lets notify-service reach internet:443/TCP");
    }

    @Test
    void aMissingDefaultDenyOrAMissingNeededFlowIsNoticed() {
        Manifests m = broken();
        List<JsonNode> objects = new ArrayList<>(m.all());
        objects.removeIf(o -> Manifests.describe(o).equals("NetworkPolicy/default-deny"));
        JsonNode policy = m.get("NetworkPolicy", "case-service");
        ArrayNode ingress = (ArrayNode) policy.path("spec").path("ingress");
        for (int i = ingress.size() - 1; i >= 0; i--) {
            if (ingress.get(i).toString().contains("notify-service")) {
                ingress.remove(i);
            }
        }
        List<String> violations = Rules.networkPolicies(new Manifests("production", objects));
        noticed(violations, "no default-deny NetworkPolicy");
        noticed(violations, "no ingress rule lets case-service be reached from notify-service");
    }

    @Test
    void secretsInClearAreNoticed() {
        Manifests m = broken();
        List<JsonNode> objects = new ArrayList<>(m.all());
        objects.add(Manifests.YAML.valueToTree(java.util.Map.of("apiVersion", "v1", "kind", "Secret",
                "metadata", java.util.Map.of("name", "vigie-db-case", "namespace", "vigie"),
                "stringData", java.util.Map.of("password", "x"))));
        ArrayNode env = (ArrayNode) container(m, "case-service").path("env");
        env.add(Manifests.YAML.valueToTree(java.util.Map.of("name", "QUARKUS_DATASOURCE_PASSWORD", "value", "x")));
        JsonNode vigie = m.get("KeycloakRealmImport", "vigie-realm-vigie");
        ((ObjectNode) vigie.path("spec").path("realm").path("clients").get(1)).put("secret", "case-service-secret");
        Function<Manifests, List<String>> rule = Rules::noSecretInClear;
        List<String> violations = rule.apply(new Manifests("production", objects));
        noticed(violations, "Secret/vigie-db-case carries its values in the repository");
        noticed(violations, "QUARKUS_DATASOURCE_PASSWORD is given in clear");
        noticed(violations, "has its secret in clear");
    }

    @Test
    void aDatabaseWithoutBackupsOrARoleIsNoticed() {
        Manifests m = broken();
        ObjectNode spec = (ObjectNode) m.get("Cluster", "vigie-db").path("spec");
        spec.remove("backup");
        ArrayNode roles = (ArrayNode) spec.path("managed").path("roles");
        for (int i = roles.size() - 1; i >= 0; i--) {
            if ("notify".equals(roles.get(i).path("name").asText())) {
                roles.remove(i);
            }
        }
        List<String> violations = Rules.dataAndIdentity(m, 3);
        noticed(violations, "no backup to an object store");
        noticed(violations, "no managed login role notify");
    }

    private static ObjectNode consoleClient(Manifests m, String realm) {
        for (JsonNode c : m.get("KeycloakRealmImport", "vigie-realm-" + realm).path("spec").path("realm").path("clients")) {
            if (Console.CLIENT_ID.equals(c.path("clientId").asText())) {
                return (ObjectNode) c;
            }
        }
        throw new AssertionError("no console client in " + realm);
    }

    @Test
    void aConsoleNotRoutedToCaseServiceIsNoticed() {
        Manifests m = broken();
        for (JsonNode rule : m.get("Ingress", "vigie").path("spec").path("rules")) {
            if (rule.toString().contains("case-service")) {
                ArrayNode paths = (ArrayNode) rule.path("http").path("paths");
                ObjectNode console = paths.get(0).deepCopy();
                console.put("path", "/console");
                ((ObjectNode) console.path("backend").path("service")).put("name", "ingest-service");
                paths.add(console);
            }
        }
        noticed(Console.rules(m), "the Ingress routes /console to case-service on []");
    }

    @Test
    void aConsoleSecretNotFromTheSecretOrNotTheRealmsIsNoticed() {
        Manifests m = broken();
        ArrayNode env = (ArrayNode) container(m, "case-service").path("env");
        for (int i = env.size() - 1; i >= 0; i--) {
            if (Console.secretVariable("fr").equals(env.get(i).path("name").asText())) {
                env.remove(i);
            }
        }
        ((ObjectNode) m.get("KeycloakRealmImport", "vigie-realm-gb").path("spec").path("placeholders")
                .path("GB_CONSOLE_CLIENT_SECRET").path("secret")).put("key", "client-secret");
        List<String> violations = Console.rules(m);
        noticed(violations, "VIGIE_CASE_CONSOLE_CLIENT_SECRET_FR (vigie.case.console.client-secret.fr) is not taken from a Secret");
        noticed(violations, "vigie-realm-gb: client vigie-console's secret (vigie-oidc-console/client-secret) is not the one");
    }

    @Test
    void consoleRedirectsOnAnotherHostOrWithoutTheAudienceAreNoticed() {
        Manifests m = broken();
        ObjectNode fr = consoleClient(m, "fr");
        fr.set("redirectUris", Manifests.YAML.valueToTree(List.of("http://case.vigie.example/console/fr/*")));
        ((ArrayNode) consoleClient(m, "vigie").path("protocolMappers")).removeAll();
        ((ObjectNode) consoleClient(m, "gb").path("attributes")).remove("post.logout.redirect.uris");
        List<String> violations = Console.rules(m);
        noticed(violations, "vigie-realm-fr: client vigie-console: redirect URIs [http://case.vigie.example/console/fr/*] do not include https://case.vigie.example/console/fr/*");
        noticed(violations, "vigie-realm-vigie: client vigie-console: no audience mapper 'vigie'");
        noticed(violations, "vigie-realm-gb: client vigie-console: post-logout redirect URI is ''");
    }

    @Test
    void caseServiceNotReadingTheForwardedSchemeIsNoticed() {
        Manifests m = broken();
        ObjectNode data = (ObjectNode) m.get("ConfigMap", "case-service-config").path("data");
        data.put("kubernetes.properties", data.path("kubernetes.properties").asText()
                .replace("quarkus.http.proxy.proxy-address-forwarding=true", "")
                .replace("quarkus.http.proxy.trusted-proxies=", "#"));
        List<String> violations = Console.proxy(m);
        noticed(violations, "quarkus.http.proxy.proxy-address-forwarding is not true");
        noticed(violations, "quarkus.http.proxy.trusted-proxies is not set");
        // the same settings as environment variables count
        data.put("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true");
        data.put("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "10.0.0.0/8");
        assertTrue(Console.proxy(m).isEmpty(), () -> Console.proxy(m).toString());
        // a properties file that is mounted but not named in QUARKUS_CONFIG_LOCATIONS is not read
        data.remove("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING");
        data.put("kubernetes.properties", data.path("kubernetes.properties").asText()
                + "\nquarkus.http.proxy.proxy-address-forwarding=true\n");
        data.put("QUARKUS_CONFIG_LOCATIONS", "/etc/vigie/authorities/authorities.properties");
        noticed(Console.proxy(m), "quarkus.http.proxy.proxy-address-forwarding is not true");
    }

    @Test
    void forwardedHeadersBelievedInLocalRunsAreNoticed() {
        noticed(Console.noProxyOutsideKubernetes("quarkus.http.port=8083\n%prod.quarkus.http.proxy.proxy-address-forwarding=true\n"),
                "sets %prod.quarkus.http.proxy.proxy-address-forwarding");
        noticed(Console.noProxyOutsideKubernetes("quarkus.http.proxy.allow-x-forwarded=true\n"),
                "sets quarkus.http.proxy.allow-x-forwarded");
        assertTrue(Console.noProxyOutsideKubernetes("%test.quarkus.http.proxy.allow-x-forwarded=true\n").isEmpty());
    }

    @Test
    void aSecretKeyTheReadmeDoesNotListIsNoticed() {
        Manifests m = broken();
        String readme = Console.readme();
        List<String> violations = Console.secretsDocumented(m,
                readme.replace("`client-secret-fr`", "`client-secret-france`"));
        noticed(violations, "reads key client-secret-fr of the Secret vigie-oidc-console, which k8s/README.md's table");
        ArrayNode env = (ArrayNode) container(m, "notify-service").path("env");
        env.add(Manifests.YAML.valueToTree(java.util.Map.of("name", "VIGIE_NOTIFY_OTHER_KEY", "valueFrom",
                java.util.Map.of("secretKeyRef", java.util.Map.of("name", "vigie-notify-other", "key", "k")))));
        noticed(Console.secretsDocumented(m, readme), "reads key k of the Secret vigie-notify-other");
    }

    @Test
    void quantitiesAreReadAsKubernetesDoes() {
        assertTrue(Rules.bytes("512Mi") == 512L * 1024 * 1024);
        assertTrue(Rules.bytes("1Gi") == 1024L * 1024 * 1024);
        assertTrue(Rules.bytes("500M") == 500_000_000L);
        assertTrue(Rules.bytes("1048576") == 1_048_576L);
    }
}
