package eu.vigie.deploy;

import static eu.vigie.deploy.Manifests.SERVICES;
import static eu.vigie.deploy.Manifests.describe;
import static eu.vigie.deploy.Manifests.name;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rules a rendered overlay must keep. Each rule answers the list of its violations (empty: kept), so that
 * the tests can also prove that a broken manifest is noticed.
 */
final class Rules {

    /** Quarkus' graceful shutdown (quarkus.shutdown.timeout in the services' application.properties). */
    static final int SHUTDOWN_TIMEOUT_SECONDS = 30;

    /** A JVM service with -Xmx256m needs room beyond the heap: metaspace, code cache, threads. */
    static final long MIN_MEMORY_LIMIT = 384L * 1024 * 1024;

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE|_KEY$).*");
    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Z0-9_]+)\\}$");
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([kKmMgG])");

    /** One Deployment, Service, ServiceAccount, HPA and PDB per service, and nothing else deployed. */
    static List<String> oneOfEachPerService(Manifests m) {
        List<String> v = new ArrayList<>();
        Set<String> deployments = new HashSet<>();
        m.ofKind("Deployment").forEach(d -> deployments.add(name(d)));
        if (!deployments.equals(Set.copyOf(SERVICES))) {
            v.add("Deployments are " + deployments + ", expected exactly " + SERVICES);
        }
        for (String service : SERVICES) {
            count(v, m, "Deployment", service, o -> name(o).equals(service));
            count(v, m, "Service", service,
                    o -> service.equals(o.path("spec").path("selector").path("app.kubernetes.io/name").asText()));
            count(v, m, "ServiceAccount", service, o -> name(o).equals(service));
            count(v, m, "HorizontalPodAutoscaler", service,
                    o -> service.equals(o.path("spec").path("scaleTargetRef").path("name").asText())
                            && "Deployment".equals(o.path("spec").path("scaleTargetRef").path("kind").asText()));
            count(v, m, "PodDisruptionBudget", service, o -> service.equals(
                    o.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText()));
            m.find("Deployment", service).ifPresent(d -> {
                String account = d.path("spec").path("template").path("spec").path("serviceAccountName").asText();
                if (!service.equals(account)) {
                    v.add("Deployment " + service + " runs as service account '" + account + "', not its own");
                }
                for (JsonNode c : containers(d)) {
                    for (JsonNode from : c.path("envFrom")) {
                        String map = from.path("configMapRef").path("name").asText();
                        if (!map.isEmpty() && m.find("ConfigMap", map).isEmpty()) {
                            v.add("Deployment " + service + " reads ConfigMap " + map + ", which is not rendered");
                        }
                    }
                }
            });
            m.find("Service", service).ifPresent(s -> {
                int port = NetworkFlows.PORTS.get(service);
                boolean found = false;
                for (JsonNode p : s.path("spec").path("ports")) {
                    found |= p.path("port").asInt() == port;
                }
                if (!found) {
                    v.add("Service " + service + " does not expose port " + port);
                }
            });
        }
        return v;
    }

    private static void count(List<String> v, Manifests m, String kind, String service,
            java.util.function.Predicate<JsonNode> forService) {
        long n = m.ofKind(kind).stream().filter(forService).count();
        if (n != 1) {
            v.add(n + " " + kind + " objects for " + service + ", expected exactly one");
        }
    }

    /** runAsNonRoot, read-only root with an emptyDir /tmp, no escalation, capabilities dropped, seccomp. */
    static List<String> hardenedPods(Manifests m) {
        List<String> v = new ArrayList<>();
        for (JsonNode d : m.ofKind("Deployment")) {
            String where = describe(d);
            JsonNode pod = d.path("spec").path("template").path("spec");
            JsonNode podSecurity = pod.path("securityContext");
            if (!podSecurity.path("runAsNonRoot").asBoolean(false)) {
                v.add(where + ": pod securityContext.runAsNonRoot is not true");
            }
            if (podSecurity.has("runAsUser") && podSecurity.path("runAsUser").asInt() == 0) {
                v.add(where + ": pod runs as uid 0");
            }
            if (pod.path("hostNetwork").asBoolean(false) || pod.path("hostPID").asBoolean(false)
                    || pod.path("hostIPC").asBoolean(false)) {
                v.add(where + ": pod shares a host namespace");
            }
            if (pod.path("automountServiceAccountToken").asBoolean(true)) {
                v.add(where + ": a service-account token is mounted although the service never calls the API");
            }
            for (JsonNode c : containers(d)) {
                String container = where + " container " + c.path("name").asText();
                JsonNode sc = c.path("securityContext");
                if (!sc.path("runAsNonRoot").asBoolean(podSecurity.path("runAsNonRoot").asBoolean(false))) {
                    v.add(container + ": runAsNonRoot is not true");
                }
                if (!sc.has("allowPrivilegeEscalation") || sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                    v.add(container + ": allowPrivilegeEscalation is not false");
                }
                if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                    v.add(container + ": readOnlyRootFilesystem is not true");
                }
                if (sc.path("privileged").asBoolean(false)) {
                    v.add(container + ": privileged");
                }
                Set<String> dropped = new HashSet<>();
                sc.path("capabilities").path("drop").forEach(x -> dropped.add(x.asText()));
                if (!dropped.contains("ALL")) {
                    v.add(container + ": capabilities do not drop ALL");
                }
                if (!sc.path("capabilities").path("add").isEmpty()) {
                    v.add(container + ": adds capabilities " + sc.path("capabilities").path("add"));
                }
                String seccomp = sc.path("seccompProfile").path("type")
                        .asText(podSecurity.path("seccompProfile").path("type").asText());
                if (!"RuntimeDefault".equals(seccomp)) {
                    v.add(container + ": seccomp profile is '" + seccomp + "', not RuntimeDefault");
                }
                Optional<String> tmpVolume = Optional.empty();
                for (JsonNode mount : c.path("volumeMounts")) {
                    if ("/tmp".equals(mount.path("mountPath").asText())) {
                        tmpVolume = Optional.of(mount.path("name").asText());
                    }
                }
                if (tmpVolume.isEmpty()) {
                    v.add(container + ": no writable /tmp for Quarkus on the read-only root filesystem");
                } else {
                    String volume = tmpVolume.get();
                    boolean emptyDir = false;
                    for (JsonNode vol : pod.path("volumes")) {
                        emptyDir |= volume.equals(vol.path("name").asText()) && vol.has("emptyDir");
                    }
                    if (!emptyDir) {
                        v.add(container + ": /tmp is not an emptyDir volume");
                    }
                }
            }
        }
        return v;
    }

    /** Startup, liveness and readiness probes on the Quarkus health endpoints. */
    static List<String> probes(Manifests m) {
        List<String> v = new ArrayList<>();
        for (JsonNode d : m.ofKind("Deployment")) {
            for (JsonNode c : containers(d)) {
                String container = describe(d) + " container " + c.path("name").asText();
                probe(v, container, c, "livenessProbe", "/q/health/live");
                probe(v, container, c, "readinessProbe", "/q/health/ready");
                probe(v, container, c, "startupProbe", "/q/health/started");
                JsonNode startup = c.path("startupProbe");
                int budget = startup.path("periodSeconds").asInt(10) * startup.path("failureThreshold").asInt(3);
                if (budget < 60) {
                    v.add(container + ": the startup probe gives only " + budget
                            + " s for the start (Flyway migrations included)");
                }
            }
        }
        return v;
    }

    private static void probe(List<String> v, String container, JsonNode c, String probe, String path) {
        JsonNode p = c.path(probe);
        if (p.isMissingNode()) {
            v.add(container + ": no " + probe);
            return;
        }
        String actual = p.path("httpGet").path("path").asText();
        if (!path.equals(actual)) {
            v.add(container + ": " + probe + " is on '" + actual + "', not " + path);
        }
        String port = p.path("httpGet").path("port").asText();
        boolean known = false;
        for (JsonNode cp : c.path("ports")) {
            known |= port.equals(cp.path("name").asText()) || port.equals(cp.path("containerPort").asText());
        }
        if (!known) {
            v.add(container + ": " + probe + " targets port '" + port + "', which the container does not open");
        }
    }

    /** Requests and limits on every container; memory limits that hold the JVM's heap and the rest. */
    static List<String> resources(Manifests m) {
        List<String> v = new ArrayList<>();
        for (JsonNode d : m.ofKind("Deployment")) {
            for (JsonNode c : containers(d)) {
                String container = describe(d) + " container " + c.path("name").asText();
                JsonNode r = c.path("resources");
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (r.path(kind).path(resource).asText().isEmpty()) {
                            v.add(container + ": no " + kind + "." + resource);
                        }
                    }
                }
                if (v.stream().anyMatch(s -> s.startsWith(container + ": no "))) {
                    continue;
                }
                long requested = bytes(r.path("requests").path("memory").asText());
                long limit = bytes(r.path("limits").path("memory").asText());
                if (limit < requested) {
                    v.add(container + ": memory limit below its request");
                }
                if (limit < MIN_MEMORY_LIMIT) {
                    v.add(container + ": memory limit " + r.path("limits").path("memory").asText()
                            + " is below 384Mi, too small for the JVM with -Xmx256m");
                }
                Optional<Long> heap = maxHeap(m, d, c);
                if (heap.isEmpty()) {
                    v.add(container + ": no -Xmx in JAVA_OPTS_APPEND: the heap would not be bounded explicitly");
                } else if (heap.get() * 4 > limit * 3) {
                    v.add(container + ": -Xmx is more than 75 % of the memory limit: no room outside the heap");
                }
            }
        }
        return v;
    }

    private static Optional<Long> maxHeap(Manifests m, JsonNode deployment, JsonNode container) {
        List<String> values = new ArrayList<>();
        for (JsonNode e : container.path("env")) {
            if ("JAVA_OPTS_APPEND".equals(e.path("name").asText()) && e.has("value")) {
                values.add(e.path("value").asText());
            }
        }
        for (JsonNode from : container.path("envFrom")) {
            m.find("ConfigMap", from.path("configMapRef").path("name").asText())
                    .ifPresent(map -> values.add(map.path("data").path("JAVA_OPTS_APPEND").asText()));
        }
        for (String value : values) {
            Matcher matcher = XMX.matcher(value);
            if (matcher.find()) {
                return Optional.of(bytes(matcher.group(1) + matcher.group(2).toUpperCase() + "i"));
            }
        }
        return Optional.empty();
    }

    /** Kubernetes quantities of memory (Ki, Mi, Gi, k, M, G, plain bytes). */
    static long bytes(String quantity) {
        Map<String, Long> units = Map.of("Ki", 1024L, "Mi", 1024L * 1024, "Gi", 1024L * 1024 * 1024,
                "k", 1000L, "M", 1000L * 1000, "G", 1000L * 1000 * 1000);
        for (Map.Entry<String, Long> unit : units.entrySet()) {
            if (quantity.endsWith(unit.getKey()) && !(unit.getKey().length() == 1 && quantity.endsWith("i"))) {
                String number = quantity.substring(0, quantity.length() - unit.getKey().length());
                return new BigDecimal(number).multiply(BigDecimal.valueOf(unit.getValue())).longValue();
            }
        }
        return new BigDecimal(quantity).longValue();
    }

    /** A preStop pause and a grace period longer than it plus Quarkus' shutdown timeout. */
    static List<String> gracefulShutdown(Manifests m) {
        List<String> v = new ArrayList<>();
        for (JsonNode d : m.ofKind("Deployment")) {
            JsonNode pod = d.path("spec").path("template").path("spec");
            int grace = pod.path("terminationGracePeriodSeconds").asInt(30);
            for (JsonNode c : containers(d)) {
                JsonNode command = c.path("lifecycle").path("preStop").path("exec").path("command");
                JsonNode sleep = c.path("lifecycle").path("preStop").path("sleep").path("seconds");
                int pause;
                if (!sleep.isMissingNode()) {
                    pause = sleep.asInt();
                } else if (command.size() == 2 && "sleep".equals(command.get(0).asText())) {
                    pause = command.get(1).asInt();
                } else {
                    v.add(describe(d) + ": no preStop pause: traffic would still arrive after SIGTERM");
                    continue;
                }
                if (pause < 5) {
                    v.add(describe(d) + ": preStop pause of " + pause + " s is too short for endpoints to update");
                }
                if (grace <= pause + SHUTDOWN_TIMEOUT_SECONDS) {
                    v.add(describe(d) + ": terminationGracePeriodSeconds " + grace + " does not cover the preStop ("
                            + pause + " s) and the graceful shutdown (" + SHUTDOWN_TIMEOUT_SECONDS + " s)");
                }
            }
        }
        return v;
    }

    /** Replicas of each service, and in production the spread across zones. */
    static List<String> replicas(Manifests m, int minimum, boolean spreadAcrossZones) {
        List<String> v = new ArrayList<>();
        for (JsonNode d : m.ofKind("Deployment")) {
            int replicas = d.path("spec").path("replicas").asInt(1);
            if (replicas < minimum) {
                v.add(describe(d) + ": " + replicas + " replicas, expected at least " + minimum);
            }
            Optional<JsonNode> hpa = m.ofKind("HorizontalPodAutoscaler").stream()
                    .filter(h -> name(d).equals(h.path("spec").path("scaleTargetRef").path("name").asText()))
                    .findFirst();
            hpa.ifPresent(h -> {
                if (h.path("spec").path("minReplicas").asInt(1) < minimum) {
                    v.add("HorizontalPodAutoscaler/" + name(h) + ": minReplicas below " + minimum);
                }
                if (h.path("spec").path("maxReplicas").asInt() < h.path("spec").path("minReplicas").asInt(1)) {
                    v.add("HorizontalPodAutoscaler/" + name(h) + ": maxReplicas below minReplicas");
                }
            });
            if (spreadAcrossZones) {
                boolean spread = false;
                for (JsonNode t : d.path("spec").path("template").path("spec").path("topologySpreadConstraints")) {
                    spread |= "topology.kubernetes.io/zone".equals(t.path("topologyKey").asText())
                            && "DoNotSchedule".equals(t.path("whenUnsatisfiable").asText())
                            && t.path("maxSkew").asInt() == 1
                            && name(d).equals(t.path("labelSelector").path("matchLabels")
                                    .path("app.kubernetes.io/name").asText());
                }
                if (!spread) {
                    v.add(describe(d) + ": no topology spread across zones (topology.kubernetes.io/zone, maxSkew 1, "
                            + "DoNotSchedule) selecting its own pods");
                }
            }
        }
        return v;
    }

    /** A default-deny policy; every allowed flow in the architecture's list; every needed flow allowed. */
    static List<String> networkPolicies(Manifests m) {
        List<String> v = new ArrayList<>();
        boolean defaultDeny = m.ofKind("NetworkPolicy").stream().anyMatch(p -> {
            JsonNode spec = p.path("spec");
            Set<String> types = new HashSet<>();
            spec.path("policyTypes").forEach(t -> types.add(t.asText()));
            return NetworkFlows.subject(spec.path("podSelector")).equals("*")
                    && types.containsAll(Set.of("Ingress", "Egress"))
                    && spec.path("ingress").isEmpty() && spec.path("egress").isEmpty();
        });
        if (!defaultDeny) {
            v.add("no default-deny NetworkPolicy (every pod, Ingress and Egress, no rule)");
        }
        List<NetworkFlows.Flow> flows = NetworkFlows.of(m, v);
        Set<String> allowed = NetworkFlows.allowed();
        for (NetworkFlows.Flow flow : flows) {
            if (!allowed.contains(flow.key())) {
                v.add("NetworkPolicy " + flow.policy() + " allows " + flow.direction() + " " + flow.key()
                        + ", which is not a flow Vigie needs");
            }
        }
        Set<String> inNamespace = new HashSet<>(SERVICES);
        inNamespace.addAll(List.of("postgres", "keycloak"));
        for (String needed : NetworkFlows.required()) {
            String from = needed.substring(0, needed.indexOf(" -> "));
            String to = needed.substring(needed.indexOf(" -> ") + 4, needed.indexOf(':'));
            String rest = needed.substring(needed.indexOf(':'));
            boolean egress = !inNamespace.contains(from) || flows.stream().anyMatch(f -> f.direction().equals("egress")
                    && (f.from().equals(from) || f.from().equals("*")) && (f.to() + ":" + f.port() + "/" + f.protocol())
                            .equals(to + rest));
            boolean ingress = !inNamespace.contains(to) || flows.stream().anyMatch(f -> f.direction().equals("ingress")
                    && f.key().equals(needed));
            if (!egress) {
                v.add("no egress rule lets " + from + " reach " + to + rest);
            }
            if (!ingress) {
                v.add("no ingress rule lets " + to + " be reached from " + from + " on " + rest.substring(1));
            }
        }
        return v;
    }

    /** No Secret committed with data, no secret value in an env var or ConfigMap, none in the realms. */
    static List<String> noSecretInClear(Manifests m) {
        List<String> v = new ArrayList<>();
        for (JsonNode s : m.ofKind("Secret")) {
            if (!s.path("data").isEmpty() || !s.path("stringData").isEmpty()) {
                v.add(describe(s) + " carries its values in the repository; reference a Secret created by the "
                        + "operator or by External Secrets instead");
            }
        }
        for (JsonNode map : m.ofKind("ConfigMap")) {
            Iterator<String> keys = map.path("data").fieldNames();
            while (keys.hasNext()) {
                String key = keys.next();
                if (SECRET_NAME.matcher(key).matches()) {
                    v.add(describe(map) + " holds " + key + ", which looks like a secret");
                }
            }
        }
        for (JsonNode d : m.ofKind("Deployment")) {
            for (JsonNode c : containers(d)) {
                for (JsonNode e : c.path("env")) {
                    String env = e.path("name").asText();
                    if (SECRET_NAME.matcher(env).matches() && e.has("value")) {
                        v.add(describe(d) + ": " + env + " is given in clear, not from a Secret");
                    }
                    if (SECRET_NAME.matcher(env).matches() && !e.path("valueFrom").has("secretKeyRef")) {
                        v.add(describe(d) + ": " + env + " does not come from a Secret");
                    }
                }
            }
        }
        for (JsonNode imp : m.ofKind("KeycloakRealmImport")) {
            JsonNode realm = imp.path("spec").path("realm");
            JsonNode placeholders = imp.path("spec").path("placeholders");
            for (JsonNode client : realm.path("clients")) {
                String id = client.path("clientId").asText();
                if (client.has("secret")) {
                    Matcher matcher = PLACEHOLDER.matcher(client.path("secret").asText());
                    if (!matcher.matches()) {
                        v.add(describe(imp) + ": client " + id + " has its secret in clear");
                    } else if (placeholders.path(matcher.group(1)).path("secret").path("name").asText().isEmpty()) {
                        v.add(describe(imp) + ": client " + id + "'s secret placeholder " + matcher.group(1)
                                + " is not taken from a Secret");
                    }
                }
                if (client.path("directAccessGrantsEnabled").asBoolean(false)) {
                    v.add(describe(imp) + ": client " + id + " allows the password grant");
                }
            }
            for (JsonNode user : realm.path("users")) {
                if (!user.path("credentials").isEmpty()) {
                    v.add(describe(imp) + ": user " + user.path("username").asText() + " comes with credentials");
                }
                if (!user.has("serviceAccountClientId")) {
                    v.add(describe(imp) + ": user " + user.path("username").asText()
                            + " is a person account; people come from the governments' identity providers");
                }
            }
        }
        return v;
    }

    /** CloudNativePG: instances, backups, a database and a role per service; Keycloak and its four realms. */
    static List<String> dataAndIdentity(Manifests m, int minimumInstances) {
        List<String> v = new ArrayList<>();
        List<JsonNode> clusters = m.ofKind("Cluster");
        if (clusters.size() != 1) {
            v.add(clusters.size() + " CloudNativePG Clusters, expected one");
            return v;
        }
        JsonNode cluster = clusters.get(0);
        JsonNode spec = cluster.path("spec");
        if (spec.path("instances").asInt() < minimumInstances) {
            v.add(describe(cluster) + ": " + spec.path("instances").asInt() + " instances, expected at least "
                    + minimumInstances);
        }
        JsonNode store = spec.path("backup").path("barmanObjectStore");
        if (store.path("destinationPath").asText().isEmpty()) {
            v.add(describe(cluster) + ": no backup to an object store (barmanObjectStore.destinationPath)");
        }
        JsonNode s3 = store.path("s3Credentials");
        if (s3.path("accessKeyId").path("name").asText().isEmpty()
                || s3.path("secretAccessKey").path("name").asText().isEmpty()) {
            v.add(describe(cluster) + ": backup credentials are not taken from a Secret");
        }
        if (m.ofKind("ScheduledBackup").stream()
                .noneMatch(b -> name(cluster).equals(b.path("spec").path("cluster").path("name").asText()))) {
            v.add("no ScheduledBackup of " + describe(cluster));
        }
        Map<String, String> databases = Map.of("ingest-service", "ingest", "classify-service", "classify",
                "case-service", "case", "notify-service", "notify");
        for (String service : SERVICES) {
            String db = databases.get(service);
            boolean role = false;
            for (JsonNode r : spec.path("managed").path("roles")) {
                role |= db.equals(r.path("name").asText()) && r.path("login").asBoolean(false)
                        && !r.path("superuser").asBoolean(false)
                        && ("vigie-db-" + db).equals(r.path("passwordSecret").path("name").asText());
            }
            if (!role) {
                v.add("no managed login role " + db + " with its password from the Secret vigie-db-" + db);
            }
            JsonNode initdb = spec.path("bootstrap").path("initdb");
            boolean database = (db.equals(initdb.path("database").asText()) && db.equals(initdb.path("owner").asText()))
                    || m.ofKind("Database").stream().anyMatch(x -> db.equals(x.path("spec").path("name").asText())
                            && db.equals(x.path("spec").path("owner").asText())
                            && name(cluster).equals(x.path("spec").path("cluster").path("name").asText()));
            if (!database) {
                v.add("no database " + db + " owned by the role " + db + " on " + describe(cluster));
            }
            m.find("ConfigMap", service + "-config").ifPresent(map -> {
                String url = map.path("data").path("QUARKUS_DATASOURCE_JDBC_URL").asText();
                if (!url.startsWith("jdbc:postgresql://" + name(cluster) + "-rw:5432/" + db + "?")) {
                    v.add(service + " does not use its database " + db + " on the primary of " + name(cluster)
                            + ": " + url);
                }
                if (!url.contains("sslmode=verify-full")) {
                    v.add(service + " does not verify the database's TLS certificate");
                }
            });
            m.find("Deployment", service).ifPresent(d -> {
                boolean user = false;
                boolean password = false;
                for (JsonNode c : containers(d)) {
                    for (JsonNode e : c.path("env")) {
                        String secret = e.path("valueFrom").path("secretKeyRef").path("name").asText();
                        user |= "QUARKUS_DATASOURCE_USERNAME".equals(e.path("name").asText())
                                && ("vigie-db-" + db).equals(secret);
                        password |= "QUARKUS_DATASOURCE_PASSWORD".equals(e.path("name").asText())
                                && ("vigie-db-" + db).equals(secret);
                    }
                }
                if (!user || !password) {
                    v.add(service + " does not take its database account from the Secret vigie-db-" + db);
                }
            });
        }
        List<JsonNode> keycloaks = m.ofKind("Keycloak");
        if (keycloaks.size() != 1) {
            v.add(keycloaks.size() + " Keycloak objects, expected one");
            return v;
        }
        Set<String> realms = new HashSet<>();
        for (JsonNode imp : m.ofKind("KeycloakRealmImport")) {
            realms.add(imp.path("spec").path("realm").path("realm").asText());
            if (!name(keycloaks.get(0)).equals(imp.path("spec").path("keycloakCRName").asText())) {
                v.add(describe(imp) + " does not import into " + describe(keycloaks.get(0)));
            }
        }
        if (!realms.equals(Set.of("vigie", "gb", "fr", "platforms"))) {
            v.add("realm imports are " + realms + ", expected the four tenants vigie, gb, fr, platforms");
        }
        m.ofKind("KeycloakRealmImport").stream()
                .filter(i -> "vigie".equals(i.path("spec").path("realm").path("realm").asText()))
                .findFirst().ifPresent(vigie -> {
                    for (String service : SERVICES) {
                        boolean client = false;
                        for (JsonNode c : vigie.path("spec").path("realm").path("clients")) {
                            client |= service.equals(c.path("clientId").asText())
                                    && c.path("serviceAccountsEnabled").asBoolean(false);
                        }
                        boolean account = false;
                        for (JsonNode u : vigie.path("spec").path("realm").path("users")) {
                            Set<String> roles = new HashSet<>();
                            u.path("realmRoles").forEach(r -> roles.add(r.asText()));
                            account |= service.equals(u.path("serviceAccountClientId").asText())
                                    && roles.contains("service");
                        }
                        if (!client || !account) {
                            v.add("realm vigie has no client-credentials account for " + service
                                    + " with the role service");
                        }
                    }
                });
        return v;
    }

    /** DESIGN.md's configuration contract in each service's ConfigMap, pointing at what is deployed. */
    static List<String> configuration(Manifests m) {
        List<String> v = new ArrayList<>();
        for (String service : SERVICES) {
            Optional<JsonNode> map = m.find("ConfigMap", service + "-config");
            if (map.isEmpty()) {
                v.add("no ConfigMap " + service + "-config");
                continue;
            }
            JsonNode data = map.get().path("data");
            if (!String.valueOf(NetworkFlows.PORTS.get(service)).equals(data.path("QUARKUS_HTTP_PORT").asText())) {
                v.add(service + ": QUARKUS_HTTP_PORT is not " + NetworkFlows.PORTS.get(service));
            }
            for (String tenant : List.of("vigie", "gb", "fr", "platforms")) {
                String key = "QUARKUS_OIDC_" + tenant.toUpperCase() + "_AUTH_SERVER_URL";
                if (!data.path(key).asText().endsWith("/realms/" + tenant)) {
                    v.add(service + ": " + key + " does not name the realm " + tenant);
                }
            }
            if (!data.path("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL").asText().endsWith("/realms/vigie")) {
                v.add(service + ": its own client account is not in the vigie realm");
            }
            for (List<String> call : NetworkFlows.SERVICE_CALLS) {
                if (!call.get(0).equals(service)) {
                    continue;
                }
                String neighbour = call.get(1);
                String key = "QUARKUS_REST_CLIENT_" + neighbour.replace("-service", "").toUpperCase() + "_SERVICE_URL";
                String expected = "http://" + neighbour + ":" + NetworkFlows.PORTS.get(neighbour);
                if (!expected.equals(data.path(key).asText())) {
                    v.add(service + ": " + key + " is '" + data.path(key).asText() + "', expected " + expected);
                }
            }
        }
        return v;
    }

    /** Prometheus scrapes /q/metrics of each service: annotations, or a ServiceMonitor where required. */
    static List<String> metricsScraped(Manifests m, boolean serviceMonitorRequired) {
        List<String> v = new ArrayList<>();
        for (String service : SERVICES) {
            boolean annotated = m.find("Deployment", service).map(d -> {
                JsonNode a = d.path("spec").path("template").path("metadata").path("annotations");
                return "true".equals(a.path("prometheus.io/scrape").asText())
                        && "/q/metrics".equals(a.path("prometheus.io/path").asText())
                        && String.valueOf(NetworkFlows.PORTS.get(service)).equals(a.path("prometheus.io/port").asText());
            }).orElse(false);
            boolean monitored = m.ofKind("ServiceMonitor").stream().anyMatch(s -> service.equals(
                    s.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText())
                    && s.path("spec").path("endpoints").findValuesAsText("path").contains("/q/metrics"));
            if (serviceMonitorRequired && !monitored) {
                v.add(service + ": no ServiceMonitor scraping /q/metrics");
            }
            if (!annotated && !monitored) {
                v.add(service + ": /q/metrics is not scraped (no prometheus.io annotations, no ServiceMonitor)");
            }
        }
        return v;
    }

    /**
     * Operators are alerted when an order goes overdue and when something durable is stuck (dead
     * outbox messages, notifications given up), and every {@code vigie_*} metric an alert reads is one
     * that the services publish (its dotted Micrometer name appears in {@code sources}), so a renamed
     * metric cannot leave an alert silently watching nothing.
     */
    static List<String> alerts(Manifests m, String sources) {
        List<String> v = new ArrayList<>();
        List<JsonNode> rules = new ArrayList<>();
        m.ofKind("PrometheusRule").forEach(r -> r.path("spec").path("groups")
                .forEach(g -> g.path("rules").forEach(rules::add)));
        Set<String> alerted = new HashSet<>();
        Pattern metric = Pattern.compile("\\bvigie_[a-z_]+");
        for (JsonNode rule : rules) {
            String expr = rule.path("expr").asText();
            if (rule.path("alert").asText().isEmpty() || expr.isEmpty()) {
                v.add("PrometheusRule entry without alert name or expression: " + rule);
                continue;
            }
            if (rule.path("labels").path("severity").asText().isEmpty()) {
                v.add(rule.path("alert").asText() + ": no severity label");
            }
            Matcher names = metric.matcher(expr);
            while (names.find()) {
                String prometheus = names.group().replaceAll("_total$", "");
                alerted.add(prometheus);
                if (!sources.contains("\"" + prometheus.replace('_', '.') + "\"")) {
                    v.add(rule.path("alert").asText() + ": reads " + names.group()
                            + ", which no service publishes (no \"" + prometheus.replace('_', '.') + "\" in the sources)");
                }
            }
        }
        for (String required : List.of("vigie_orders_overdue", "vigie_outbox_dead", "vigie_notify_deliveries_dead")) {
            if (!alerted.contains(required)) {
                v.add("no alert on " + required);
            }
        }
        return v;
    }

    static List<JsonNode> containers(JsonNode deployment) {
        List<JsonNode> list = new ArrayList<>();
        deployment.path("spec").path("template").path("spec").path("containers").forEach(list::add);
        return list;
    }

    private Rules() {
    }
}
