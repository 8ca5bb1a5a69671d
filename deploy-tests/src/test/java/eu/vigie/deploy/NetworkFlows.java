package eu.vigie.deploy;

import static eu.vigie.deploy.Manifests.SERVICES;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The connections the NetworkPolicies of an overlay allow, as flows between named parties, and the list of
 * flows Vigie's architecture needs (DESIGN.md, docs/ARCHITECTURE.md) plus what the CloudNativePG and Keycloak
 * operators need to run their pods. Everything is denied by default; a flow outside this list is a defect.
 */
final class NetworkFlows {

    /** A connection from a party to a party's port; {@code direction} says which side's policy allows it. */
    record Flow(String from, String to, String protocol, String port, String direction, String policy) {
        String key() {
            return from + " -> " + to + ":" + port + "/" + protocol;
        }
    }

    static final Map<String, Integer> PORTS = Map.of(
            "ingest-service", 8081, "classify-service", 8082, "case-service", 8083, "notify-service", 8084);

    /** Service-to-service calls (docs/ARCHITECTURE.md): ingest->classify, ingest->case, ingest->notify, ... */
    static final List<List<String>> SERVICE_CALLS = List.of(
            List.of("ingest-service", "classify-service"),
            List.of("ingest-service", "case-service"),
            List.of("ingest-service", "notify-service"),
            List.of("case-service", "classify-service"),
            List.of("case-service", "notify-service"),
            List.of("notify-service", "case-service"));

    static final List<String> PRIVATE_RANGES = List.of(
            "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16");

    /** Flows that must be allowed for Vigie to work (both ends' policies, where both ends are in the namespace). */
    static Set<String> required() {
        Set<String> flows = new LinkedHashSet<>();
        for (String service : SERVICES) {
            int port = PORTS.get(service);
            flows.add("ingress-controller -> " + service + ":" + port + "/TCP");
            flows.add("prometheus -> " + service + ":" + port + "/TCP");
            flows.add(service + " -> postgres:5432/TCP");
            flows.add(service + " -> keycloak:8443/TCP");
            flows.add(service + " -> dns:53/UDP");
            flows.add(service + " -> dns:53/TCP");
        }
        for (List<String> call : SERVICE_CALLS) {
            flows.add(call.get(0) + " -> " + call.get(1) + ":" + PORTS.get(call.get(1)) + "/TCP");
        }
        flows.add("notify-service -> internet:443/TCP");
        flows.add("ingress-controller -> keycloak:8443/TCP");
        flows.add("keycloak -> postgres:5432/TCP");
        return flows;
    }

    /** Everything any policy may allow: the required flows, and what the operators' pods need. */
    static Set<String> allowed() {
        Set<String> flows = new LinkedHashSet<>(required());
        // DNS for every pod of the namespace
        flows.add("* -> dns:53/UDP");
        flows.add("* -> dns:53/TCP");
        // CloudNativePG: replication and instance manager between instances, the operator, the exporter,
        // and the Kubernetes API and the backups' object store (HTTPS, addresses not known in advance)
        for (String port : List.of("5432", "8000")) {
            flows.add("postgres -> postgres:" + port + "/TCP");
            flows.add("cnpg-operator -> postgres:" + port + "/TCP");
        }
        flows.add("prometheus -> postgres:9187/TCP");
        flows.add("postgres -> anywhere:443/TCP");
        flows.add("postgres -> anywhere:6443/TCP");
        // Keycloak: its cache cluster, its management port for Prometheus
        flows.add("keycloak -> keycloak:7800/TCP");
        flows.add("keycloak -> keycloak:57800/TCP");
        flows.add("prometheus -> keycloak:9000/TCP");
        for (String service : SERVICES) {
            flows.add(service + " -> keycloak:8443/TCP");
        }
        return flows;
    }

    /** Every flow the overlay's policies allow, with the violations of the policies' shape. */
    static List<Flow> of(Manifests manifests, List<String> violations) {
        List<Flow> flows = new ArrayList<>();
        for (JsonNode policy : manifests.ofKind("NetworkPolicy")) {
            String policyName = Manifests.name(policy);
            JsonNode spec = policy.path("spec");
            String subject = subject(spec.path("podSelector"));
            Set<String> types = new HashSet<>();
            spec.path("policyTypes").forEach(t -> types.add(t.asText()));
            if (!types.contains("Ingress") && spec.has("ingress")) {
                violations.add("NetworkPolicy " + policyName + " has ingress rules but no Ingress policy type");
            }
            for (JsonNode rule : spec.path("ingress")) {
                if (!rule.has("from") || rule.path("from").isEmpty()) {
                    violations.add("NetworkPolicy " + policyName + " allows ingress from anywhere (no from)");
                    continue;
                }
                for (JsonNode peer : rule.path("from")) {
                    for (String[] port : ports(rule, policyName, violations)) {
                        flows.add(new Flow(peer(peer), subject, port[0], port[1], "ingress", policyName));
                    }
                }
            }
            for (JsonNode rule : spec.path("egress")) {
                if (!rule.has("to") || rule.path("to").isEmpty()) {
                    violations.add("NetworkPolicy " + policyName + " allows egress to anywhere (no to)");
                    continue;
                }
                for (JsonNode peer : rule.path("to")) {
                    for (String[] port : ports(rule, policyName, violations)) {
                        flows.add(new Flow(subject, peer(peer), port[0], port[1], "egress", policyName));
                    }
                }
            }
        }
        return flows;
    }

    private static List<String[]> ports(JsonNode rule, String policy, List<String> violations) {
        List<String[]> ports = new ArrayList<>();
        if (!rule.has("ports") || rule.path("ports").isEmpty()) {
            violations.add("NetworkPolicy " + policy + " has a rule without ports (every port allowed)");
            ports.add(new String[] { "ANY", "*" });
            return ports;
        }
        for (JsonNode port : rule.path("ports")) {
            ports.add(new String[] { port.path("protocol").asText("TCP"), port.path("port").asText("*") });
        }
        return ports;
    }

    /** The pods a policy selects, named as a party. */
    static String subject(JsonNode podSelector) {
        Map<String, String> labels = labels(podSelector);
        if (labels.isEmpty() && podSelector.path("matchExpressions").isEmpty()) {
            return "*";
        }
        String name = labels.get("app.kubernetes.io/name");
        if (name != null && SERVICES.contains(name)) {
            return name;
        }
        if ("vigie-db".equals(labels.get("cnpg.io/cluster"))) {
            return "postgres";
        }
        if ("keycloak".equals(labels.get("app")) || "keycloak-operator".equals(labels.get("app.kubernetes.io/managed-by"))) {
            return "keycloak";
        }
        return "pods" + labels;
    }

    /** The other end of a rule, named as a party. */
    static String peer(JsonNode peer) {
        JsonNode ipBlock = peer.get("ipBlock");
        if (ipBlock != null) {
            String cidr = ipBlock.path("cidr").asText();
            Set<String> except = new HashSet<>();
            ipBlock.path("except").forEach(e -> except.add(e.asText()));
            if ("0.0.0.0/0".equals(cidr) && except.containsAll(PRIVATE_RANGES)) {
                return "internet";
            }
            if ("0.0.0.0/0".equals(cidr) && except.isEmpty()) {
                return "anywhere";
            }
            return "ipBlock " + cidr + " except " + except;
        }
        JsonNode namespaceSelector = peer.get("namespaceSelector");
        JsonNode podSelector = peer.get("podSelector");
        if (namespaceSelector == null) {
            return podSelector == null ? "anything" : subject(podSelector);
        }
        String namespace = labels(namespaceSelector).get("kubernetes.io/metadata.name");
        Map<String, String> pods = podSelector == null ? Map.of() : labels(podSelector);
        if (namespace == null) {
            return "any namespace" + pods;
        }
        if (namespace.equals("ingress-nginx") && "ingress-nginx".equals(pods.get("app.kubernetes.io/name"))) {
            return "ingress-controller";
        }
        if (namespace.equals("monitoring") && "prometheus".equals(pods.get("app.kubernetes.io/name"))) {
            return "prometheus";
        }
        if (namespace.equals("kube-system") && "kube-dns".equals(pods.get("k8s-app"))) {
            return "dns";
        }
        if (namespace.equals("cnpg-system") && "cloudnative-pg".equals(pods.get("app.kubernetes.io/name"))) {
            return "cnpg-operator";
        }
        return "namespace " + namespace + " pods " + pods;
    }

    private static Map<String, String> labels(JsonNode selector) {
        Map<String, String> labels = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = selector.path("matchLabels").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            labels.put(field.getKey(), field.getValue().asText());
        }
        return labels;
    }

    private NetworkFlows() {
    }
}
