package eu.vigie.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.local.Suite;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Reads every service's OpenAPI document and calls every {@code /api} operation: without a token,
 * with forged tokens (unsigned {@code alg: none}, HS256, a broken signature), and with a real token
 * of every role. Each operation must declare the roles it admits (its security requirement's scopes,
 * generated from {@code @RolesAllowed}): an operation without that rule fails this test. A role the
 * rule does not name must be refused with 403; a role it names must not be.
 */
@ExtendWith(SuiteExtension.class)
class AccessSweepTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GENERIC_FORBIDDEN = "Your roles or jurisdiction do not allow this operation";

    static Suite suite;
    static Map<String, String> roleTokens = new LinkedHashMap<>();
    static Map<String, String> forgedTokens = new LinkedHashMap<>();

    @BeforeAll
    static void tokens() {
        suite = SuiteExtension.suite();
        Vigie vigie = new Vigie(suite);
        roleTokens.put("referrer", vigie.user("gb", "gb-referrer"));
        roleTokens.put("reviewer", vigie.user("gb", "gb-reviewer"));
        roleTokens.put("issuer", vigie.user("gb", "gb-issuer"));
        roleTokens.put("scrutineer", vigie.user("gb", "gb-scrutineer"));
        roleTokens.put("regulator", vigie.user("gb", "gb-regulator"));
        roleTokens.put("admin", vigie.user("vigie", "admin"));
        roleTokens.put("auditor", vigie.user("vigie", "auditor"));
        roleTokens.put("service", suite.tokens().client("vigie", "ingest-service", "ingest-service-secret"));
        roleTokens.put("platform", vigie.platform("examplevideo"));

        String real = roleTokens.get("admin");
        String[] parts = real.split("\\.");
        forgedTokens.put("alg none", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        String hsHeader = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + UUID.randomUUID() + "\"}");
        forgedTokens.put("HS256", hsHeader + "." + parts[1] + "." + hmac(hsHeader + "." + parts[1]));
        char last = parts[2].charAt(parts[2].length() / 2);
        String broken = parts[2].substring(0, parts[2].length() / 2) + (last == 'A' ? 'B' : 'A')
                + parts[2].substring(parts[2].length() / 2 + 1);
        forgedTokens.put("broken signature", parts[0] + "." + parts[1] + "." + broken);
    }

    @Test
    void everyOperationDeclaresItsRolesAndEnforcesThem() throws Exception {
        List<String> failures = new ArrayList<>();
        int operations = 0;
        int calls = 0;
        for (String service : Suite.SERVICES) {
            String base = suite.service(service).baseUrl();
            JsonNode openApi = JSON.readTree(given().baseUri(base).queryParam("format", "json").get("/q/openapi").asString());
            Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                if (!path.getKey().startsWith("/api/")) {
                    continue;
                }
                Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
                while (methods.hasNext()) {
                    Map.Entry<String, JsonNode> op = methods.next();
                    String method = op.getKey().toUpperCase(Locale.ROOT);
                    if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                        continue;
                    }
                    operations++;
                    String where = service + " " + method + " " + path.getKey();
                    Set<String> allowed = declaredRoles(op.getValue());
                    if (allowed.isEmpty()) {
                        failures.add(where + ": declares no roles (no @RolesAllowed rule)");
                        continue;
                    }
                    String concrete = concretePath(path.getKey());
                    String mediaType = requestMediaType(op.getValue());

                    calls++;
                    expect(failures, where + " without a token", call(base, method, concrete, mediaType, null), 401);
                    for (Map.Entry<String, String> forged : forgedTokens.entrySet()) {
                        calls++;
                        expect(failures, where + " with " + forged.getKey(),
                                call(base, method, concrete, mediaType, forged.getValue()), 401);
                    }
                    for (Map.Entry<String, String> role : roleTokens.entrySet()) {
                        calls++;
                        Response response = call(base, method, concrete, mediaType, role.getValue());
                        int status = response.statusCode();
                        if (!allowed.contains(role.getKey())) {
                            expect(failures, where + " as " + role.getKey() + " (not in " + allowed + ")", response, 403);
                        } else if (status == 401 || (status == 403 && GENERIC_FORBIDDEN.equals(response.path("detail")))) {
                            failures.add(where + " as " + role.getKey() + ": refused with " + status
                                    + " although the rule admits " + allowed);
                        } else if (status >= 500) {
                            failures.add(where + " as " + role.getKey() + ": server error " + status + " " + response.asString());
                        }
                    }
                }
            }
        }
        System.out.printf("Access sweep: %d operations, %d calls%n", operations, calls);
        assertTrue(operations > 20, "the OpenAPI documents list too few operations: " + operations);
        if (!failures.isEmpty()) {
            fail(failures.size() + " access rule violations:\n  " + String.join("\n  ", failures));
        }
    }

    private static void expect(List<String> failures, String what, Response response, int status) {
        if (response.statusCode() != status) {
            failures.add(what + ": expected " + status + ", got " + response.statusCode());
        } else if (!String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            failures.add(what + ": " + status + " without a problem+json body");
        }
    }

    static Set<String> declaredRoles(JsonNode operation) {
        Set<String> roles = new TreeSet<>();
        for (JsonNode requirement : operation.path("security")) {
            requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(scope -> roles.add(scope.asText())));
        }
        return roles;
    }

    static String concretePath(String template) {
        return template.replaceAll("\\{[^}]*sha256[^}]*\\}", "0".repeat(64))
                .replaceAll("\\{name\\}", "NO_SUCH_BANK")
                .replaceAll("\\{[^}]+\\}", UUID.randomUUID().toString());
    }

    static String requestMediaType(JsonNode operation) {
        Iterator<String> types = operation.path("requestBody").path("content").fieldNames();
        return types.hasNext() ? types.next() : null;
    }

    private static Response call(String base, String method, String path, String mediaType, String token) {
        RequestSpecification request = given().baseUri(base).redirects().follow(false);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (mediaType != null) {
            request = request.contentType(mediaType);
            if (mediaType.contains("json") && !mediaType.contains("ndjson")) {
                request = request.body("{}");
            } else if (mediaType.contains("ndjson")) {
                request = request.body("{}\n");
            } else {
                request = request.body(new byte[] { 1, 2, 3, 4 });
            }
        }
        return request.request(method, path);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String hmac(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("a-guessable-shared-secret-of-32-bytes!".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
