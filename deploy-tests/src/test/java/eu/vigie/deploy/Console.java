package eu.vigie.deploy;

import static eu.vigie.deploy.Manifests.describe;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The officers' console as deployed: served by case-service at {@code /console} on its Ingress host, signed in
 * with the confidential client {@code vigie-console} of each console tenant's realm (its secret shared by Keycloak
 * and case-service through one Secret), and behind the TLS-terminating ingress controller with Quarkus reading
 * the original scheme and host (so that redirect URIs are https and cookies Secure). Also: every Secret key a
 * manifest reads is one that k8s/README.md tells the operator to create.
 */
final class Console {

    /** The console tenants (case-service's vigie.case.console.tenants). */
    static final List<String> TENANTS = List.of("gb", "fr", "vigie");

    /** The realms whose people are government officers: their tokens carry the agency. */
    static final Set<String> GOVERNMENTS = Set.of("gb", "fr");

    static final String CLIENT_ID = "vigie-console";

    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Z0-9_]+)\\}$");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    /** The env variable of case-service holding the console client's secret of {@code tenant}. */
    static String secretVariable(String tenant) {
        return "VIGIE_CASE_CONSOLE_CLIENT_SECRET_" + tenant.toUpperCase(java.util.Locale.ROOT);
    }

    /** The hosts whose Ingress rules send {@code path} (longest matching prefix) to case-service's port http. */
    static List<String> hostsRoutingToCaseService(Manifests m, String path) {
        List<String> hosts = new ArrayList<>();
        for (JsonNode ingress : m.ofKind("Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                JsonNode best = null;
                int length = -1;
                for (JsonNode p : rule.path("http").path("paths")) {
                    String prefix = p.path("path").asText("/");
                    boolean exact = "Exact".equals(p.path("pathType").asText());
                    boolean matches = exact ? path.equals(prefix)
                            : prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix
                                    : prefix + "/");
                    if (matches && prefix.length() > length) {
                        best = p;
                        length = prefix.length();
                    }
                }
                if (best == null) {
                    continue;
                }
                JsonNode service = best.path("backend").path("service");
                boolean toCase = "case-service".equals(service.path("name").asText())
                        && ("http".equals(service.path("port").path("name").asText())
                                || service.path("port").path("number").asInt() == NetworkFlows.PORTS.get("case-service"));
                if (toCase && !rule.path("host").asText().isEmpty()) {
                    hosts.add(rule.path("host").asText());
                }
            }
        }
        return hosts;
    }

    /** The console: routed, its client in each realm, its secrets shared with case-service, behind the proxy. */
    static List<String> rules(Manifests m) {
        List<String> v = new ArrayList<>();
        List<String> hosts = hostsRoutingToCaseService(m, "/console/gb");
        if (hosts.size() != 1) {
            v.add("the Ingress routes /console to case-service on " + hosts + ", expected exactly one host");
            return v;
        }
        String host = hosts.get(0);
        boolean tls = false;
        for (JsonNode ingress : m.ofKind("Ingress")) {
            for (JsonNode t : ingress.path("spec").path("tls")) {
                for (JsonNode h : t.path("hosts")) {
                    tls |= host.equals(h.asText()) && !t.path("secretName").asText().isEmpty();
                }
            }
        }
        if (!tls) {
            v.add("the console's host " + host + " is not served over TLS by the Ingress");
        }
        Optional<JsonNode> deployment = m.find("Deployment", "case-service");
        if (deployment.isEmpty()) {
            v.add("no Deployment case-service");
            return v;
        }
        Map<String, JsonNode> env = new LinkedHashMap<>();
        for (JsonNode c : Rules.containers(deployment.get())) {
            c.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        }
        Map<String, JsonNode> realms = new LinkedHashMap<>();
        m.ofKind("KeycloakRealmImport").forEach(i -> realms.put(i.path("spec").path("realm").path("realm").asText(), i));
        for (String tenant : TENANTS) {
            JsonNode ref = Optional.ofNullable(env.get(secretVariable(tenant)))
                    .map(e -> e.path("valueFrom").path("secretKeyRef")).orElse(null);
            if (ref == null || ref.path("name").asText().isEmpty() || ref.path("key").asText().isEmpty()) {
                v.add("case-service: " + secretVariable(tenant) + " (vigie.case.console.client-secret." + tenant
                        + ") is not taken from a Secret");
                ref = null;
            }
            JsonNode realm = realms.get(tenant);
            if (realm == null) {
                v.add("no realm import of " + tenant + " for the console's client");
                continue;
            }
            JsonNode client = null;
            for (JsonNode c : realm.path("spec").path("realm").path("clients")) {
                if (CLIENT_ID.equals(c.path("clientId").asText())) {
                    client = c;
                }
            }
            String where = describe(realm) + ": client " + CLIENT_ID;
            if (client == null) {
                v.add(describe(realm) + " has no client " + CLIENT_ID + " for the console");
                continue;
            }
            if (client.path("publicClient").asBoolean(true) || !client.path("standardFlowEnabled").asBoolean(false)
                    || client.path("implicitFlowEnabled").asBoolean(false)) {
                v.add(where + " is not a confidential client of the authorization-code flow alone");
            }
            Matcher placeholder = PLACEHOLDER.matcher(client.path("secret").asText());
            JsonNode fromSecret = placeholder.matches()
                    ? realm.path("spec").path("placeholders").path(placeholder.group(1)).path("secret")
                    : null;
            if (fromSecret == null || fromSecret.isMissingNode()) {
                v.add(where + " does not take its secret from a Secret");
            } else if (ref != null && !(ref.path("name").asText().equals(fromSecret.path("name").asText())
                    && ref.path("key").asText().equals(fromSecret.path("key").asText()))) {
                v.add(where + "'s secret (" + fromSecret.path("name").asText() + "/" + fromSecret.path("key").asText()
                        + ") is not the one case-service reads (" + ref.path("name").asText() + "/"
                        + ref.path("key").asText() + ")");
            }
            List<String> redirects = new ArrayList<>();
            client.path("redirectUris").forEach(r -> redirects.add(r.asText()));
            String expected = "https://" + host + "/console/" + tenant + "/*";
            if (!redirects.contains(expected)) {
                v.add(where + ": redirect URIs " + redirects + " do not include " + expected);
            }
            for (String r : redirects) {
                if (!r.startsWith("https://" + host + "/console/" + tenant)) {
                    v.add(where + ": redirect URI " + r + " is outside https://" + host + "/console/" + tenant);
                }
            }
            String logout = client.path("attributes").path("post.logout.redirect.uris").asText();
            if (!("https://" + host + "/console/signed-out").equals(logout)) {
                v.add(where + ": post-logout redirect URI is '" + logout + "', not https://" + host
                        + "/console/signed-out");
            }
            boolean audience = false;
            boolean agency = false;
            for (JsonNode mapper : client.path("protocolMappers")) {
                JsonNode config = mapper.path("config");
                audience |= "oidc-audience-mapper".equals(mapper.path("protocolMapper").asText())
                        && "vigie".equals(config.path("included.custom.audience").asText())
                        && "true".equals(config.path("access.token.claim").asText());
                agency |= "oidc-usermodel-attribute-mapper".equals(mapper.path("protocolMapper").asText())
                        && "agency".equals(config.path("claim.name").asText())
                        && "true".equals(config.path("access.token.claim").asText());
            }
            if (!audience) {
                v.add(where + ": no audience mapper 'vigie' (the officer's token would be refused by the services)");
            }
            if (GOVERNMENTS.contains(tenant) && !agency) {
                v.add(where + ": no agency mapper (referrals would not name the officer's agency)");
            }
        }
        v.addAll(proxy(m));
        return v;
    }

    /** case-service reads the original scheme and host from the ingress controller's X-Forwarded-* headers. */
    static List<String> proxy(Manifests m) {
        List<String> v = new ArrayList<>();
        Properties p = caseServiceConfiguration(m, v);
        if (!"true".equals(p.getProperty("quarkus.http.proxy.proxy-address-forwarding"))) {
            v.add("case-service: quarkus.http.proxy.proxy-address-forwarding is not true: behind the TLS-terminating "
                    + "Ingress the console would build http redirect URIs and set cookies without Secure");
        }
        if (!"true".equals(p.getProperty("quarkus.http.proxy.allow-x-forwarded"))
                && !"true".equals(p.getProperty("quarkus.http.proxy.allow-forwarded"))) {
            v.add("case-service: neither quarkus.http.proxy.allow-x-forwarded nor allow-forwarded is true");
        }
        if (p.getProperty("quarkus.http.proxy.trusted-proxies", "").isBlank()) {
            v.add("case-service: quarkus.http.proxy.trusted-proxies is not set: forwarded headers from anywhere "
                    + "would be believed");
        }
        return v;
    }

    /**
     * case-service's configuration on Kubernetes: the properties files its ConfigMap mounts and names in
     * QUARKUS_CONFIG_LOCATIONS, then the ConfigMap's environment variables in their property form.
     */
    static Properties caseServiceConfiguration(Manifests m, List<String> v) {
        Properties p = new Properties();
        Optional<JsonNode> map = m.find("ConfigMap", "case-service-config");
        Optional<JsonNode> deployment = m.find("Deployment", "case-service");
        if (map.isEmpty() || deployment.isEmpty()) {
            v.add("no ConfigMap case-service-config or Deployment case-service");
            return p;
        }
        JsonNode data = map.get().path("data");
        List<String> locations = List.of(data.path("QUARKUS_CONFIG_LOCATIONS").asText().split(","));
        JsonNode pod = deployment.get().path("spec").path("template").path("spec");
        for (JsonNode c : Rules.containers(deployment.get())) {
            for (JsonNode mount : c.path("volumeMounts")) {
                for (JsonNode volume : pod.path("volumes")) {
                    if (!mount.path("name").asText().equals(volume.path("name").asText())
                            || !"case-service-config".equals(volume.path("configMap").path("name").asText())) {
                        continue;
                    }
                    for (JsonNode item : volume.path("configMap").path("items")) {
                        String file = mount.path("mountPath").asText() + "/" + item.path("path").asText();
                        if (locations.contains(file)) {
                            try {
                                p.load(new StringReader(data.path(item.path("key").asText()).asText()));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    }
                }
            }
        }
        data.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("QUARKUS_HTTP_PROXY_")) {
                String property = "quarkus.http.proxy." + name.substring("QUARKUS_HTTP_PROXY_".length())
                        .toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                p.setProperty(property, data.path(name).asText());
            }
        });
        return p;
    }

    /** Local runs are not behind a proxy: case-service's own application.properties leaves forwarding off. */
    static List<String> noProxyOutsideKubernetes(String applicationProperties) {
        List<String> v = new ArrayList<>();
        Properties p = new Properties();
        try {
            p.load(new StringReader(applicationProperties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String name : p.stringPropertyNames()) {
            // any profile but the tests' own: the packaged jar of a local run is in the prod profile
            if (name.matches("(%[a-z,-]+\\.)?quarkus\\.http\\.proxy\\..*") && !name.startsWith("%test.")) {
                v.add("case-service's application.properties sets " + name + ": forwarded headers would be believed "
                        + "outside Kubernetes (set it in k8s/base/case-service/configmap.yaml)");
            }
        }
        return v;
    }

    /**
     * Every Secret key a Deployment's environment or a realm import's placeholder reads is in k8s/README.md's
     * table of Secrets to create: a row naming the Secret and the key (each in backquotes).
     */
    static List<String> secretsDocumented(Manifests m, String readme) {
        List<String> v = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        boolean inSecrets = false;
        for (String line : readme.split("\n")) {
            if (line.startsWith("## ")) {
                inSecrets = line.startsWith("## Secrets");
            }
            if (inSecrets && line.startsWith("|")) {
                List<String> codes = new ArrayList<>();
                Matcher code = CODE.matcher(line);
                while (code.find()) {
                    codes.add(code.group(1));
                }
                rows.add(codes);
            }
        }
        Map<String, String> referenced = new LinkedHashMap<>();
        for (JsonNode d : m.ofKind("Deployment")) {
            for (JsonNode c : Rules.containers(d)) {
                for (JsonNode e : c.path("env")) {
                    JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                    if (!ref.isMissingNode()) {
                        referenced.put(ref.path("name").asText() + "/" + ref.path("key").asText(),
                                describe(d) + " " + e.path("name").asText());
                    }
                }
            }
        }
        for (JsonNode i : m.ofKind("KeycloakRealmImport")) {
            i.path("spec").path("placeholders").fields().forEachRemaining(f -> referenced.put(
                    f.getValue().path("secret").path("name").asText() + "/" + f.getValue().path("secret").path("key").asText(),
                    describe(i) + " placeholder " + f.getKey()));
        }
        referenced.forEach((secretAndKey, user) -> {
            String secret = secretAndKey.substring(0, secretAndKey.indexOf('/'));
            String key = secretAndKey.substring(secretAndKey.indexOf('/') + 1);
            if (rows.stream().noneMatch(r -> r.contains(secret) && r.contains(key))) {
                v.add(user + " reads key " + key + " of the Secret " + secret
                        + ", which k8s/README.md's table of Secrets does not list");
            }
        });
        return v;
    }

    static String readme() {
        return read(Manifests.k8sRoot().resolve("README.md"));
    }

    static String caseServiceApplicationProperties() {
        return read(Manifests.k8sRoot().toAbsolutePath().getParent()
                .resolve("case-service/src/main/resources/application.properties"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + file, e);
        }
    }

    private Console() {
    }
}
