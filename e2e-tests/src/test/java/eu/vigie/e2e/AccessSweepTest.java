package eu.vigie.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Reads every service's OpenAPI document and calls every {@code /api} operation: without a token,
 * with forged tokens (unsigned {@code alg: none}, HS256, a broken signature), and with a real token of
 * every tenant and role Keycloak issues. The roles each operation admits come from {@link #RULES},
 * written here from DESIGN.md's role table and ARCHITECTURE.md's internal calls: an operation
 * without a rule fails this test, and so does a rule whose operation is gone. Where an OpenAPI
 * document lists the admitted roles as scopes of the operation's security requirement, they must
 * agree with the rule. A role the rule does not name must get 403; a role it names must not get
 * 401 or the generic role refusal; nobody ever gets a 5xx. Then a {@code fr} officer of every role
 * acts on a {@code gb} case and its referral and evidence: 403 or 404, and the case is unchanged.
 */
@ExtendWith(SuiteExtension.class)
class AccessSweepTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** common's ProblemMappers' detail when a role check (not a business rule) refuses the call. */
    private static final String GENERIC_FORBIDDEN = "Your roles or jurisdiction do not allow this operation";

    private static final String REFERRER = "referrer", REVIEWER = "reviewer", ISSUER = "issuer",
            SCRUTINEER = "scrutineer", REGULATOR = "regulator", ADMIN = "admin", AUDITOR = "auditor",
            SERVICE = "service", PLATFORM = "platform";

    /** The access rules: "service METHOD /path" to the roles admitted. */
    static final Map<String, Set<String>> RULES = new LinkedHashMap<>();

    static {
        // ingest-service
        rule("ingest-service POST /api/v1/referrals", REFERRER);
        rule("ingest-service POST /api/v1/referrals/batch", REFERRER);
        rule("ingest-service GET /api/v1/referrals", REFERRER, REVIEWER, ISSUER, AUDITOR);
        rule("ingest-service GET /api/v1/referrals/{id}", REFERRER, REVIEWER, ISSUER, AUDITOR);
        rule("ingest-service GET /api/v1/evidence/{sha256}", REVIEWER, ISSUER, AUDITOR);
        rule("ingest-service GET /api/v1/evidence/{sha256}/custody", REVIEWER, ISSUER, AUDITOR);
        rule("ingest-service GET /api/v1/evidence/{sha256}/preservation", REVIEWER, ISSUER, AUDITOR);
        rule("ingest-service POST /api/v1/evidence/{sha256}/legal-hold", ISSUER, AUDITOR);
        rule("ingest-service DELETE /api/v1/evidence/{sha256}/legal-hold", ISSUER, AUDITOR);
        rule("ingest-service POST /api/v1/evidence/{sha256}/case-closed", SERVICE);
        rule("ingest-service PUT /api/v1/evidence/{sha256}/shares/{jurisdiction}", SERVICE);
        rule("ingest-service DELETE /api/v1/evidence/{sha256}/shares/{jurisdiction}", SERVICE);
        // classify-service
        rule("classify-service POST /api/v1/hashes", REVIEWER, SERVICE, ADMIN);
        rule("classify-service GET /api/v1/banks", ADMIN, SERVICE, REVIEWER);
        rule("classify-service POST /api/v1/banks", ADMIN);
        rule("classify-service GET /api/v1/banks/{name}", ADMIN, SERVICE, REVIEWER);
        rule("classify-service PUT /api/v1/banks/{name}", ADMIN);
        rule("classify-service POST /api/v1/banks/{name}/signals", ADMIN, SERVICE);
        rule("classify-service POST /api/v1/banks/{name}/signals/batch", ADMIN, SERVICE);
        rule("classify-service GET /api/v1/banks/{name}/signals/export", ADMIN, SERVICE);
        rule("classify-service GET /api/v1/banks/{name}/signals/{id}", ADMIN, SERVICE, REVIEWER);
        rule("classify-service PUT /api/v1/banks/{name}/signals/{id}", ADMIN);
        rule("classify-service GET /api/v1/banks/{name}/signals", ADMIN, SERVICE, REVIEWER);
        rule("classify-service POST /api/v1/banks/{name}/signals/{id}/curation-flags", SERVICE);
        rule("classify-service POST /api/v1/banks/{name}/signals/{id}/curation-flags/{flagId}/clear", ADMIN);
        rule("classify-service POST /api/v1/matches", REVIEWER, SERVICE, ADMIN);
        rule("classify-service POST /api/v1/matches/batch", REVIEWER, SERVICE, ADMIN);
        rule("classify-service POST /api/v1/classifications", SERVICE);
        rule("classify-service GET /api/v1/classifications", SERVICE, REVIEWER);
        rule("classify-service GET /api/v1/classifications/{id}", SERVICE, REVIEWER);
        rule("classify-service GET /api/v1/designated-entities", ADMIN, SERVICE, REVIEWER);
        rule("classify-service POST /api/v1/designated-entities", ADMIN);
        rule("classify-service GET /api/v1/designated-entities/{id}", ADMIN, SERVICE, REVIEWER);
        rule("classify-service POST /api/v1/designated-entities/{id}/aliases", ADMIN);
        rule("classify-service POST /api/v1/designated-entities/{id}/listings", ADMIN);
        rule("classify-service DELETE /api/v1/designated-entities/{id}/listings/{list}", ADMIN);
        rule("classify-service GET /api/v1/indicators", ADMIN, SERVICE, REVIEWER);
        rule("classify-service POST /api/v1/indicators", ADMIN);
        rule("classify-service POST /api/v1/indicators/scan", REVIEWER, SERVICE, ADMIN);
        rule("classify-service GET /api/v1/audit", ADMIN, AUDITOR);
        // case-service
        rule("case-service POST /api/v1/intake/referrals", SERVICE);
        rule("case-service GET /api/v1/cases", REFERRER, REVIEWER, ISSUER, REGULATOR, AUDITOR);
        rule("case-service GET /api/v1/cases/{id}", REFERRER, REVIEWER, ISSUER, REGULATOR, AUDITOR);
        rule("case-service POST /api/v1/cases/{id}/claim", REVIEWER);
        rule("case-service POST /api/v1/cases/{id}/assessment", REVIEWER);
        rule("case-service POST /api/v1/cases/{id}/removal-orders", ISSUER);
        rule("case-service POST /api/v1/cases/{id}/referrals", ISSUER);
        rule("case-service POST /api/v1/cases/{id}/closure", REVIEWER, ISSUER);
        rule("case-service POST /api/v1/cases/{id}/shares", REVIEWER, ISSUER);
        rule("case-service GET /api/v1/cases/{id}/shares", REFERRER, REVIEWER, ISSUER, REGULATOR, AUDITOR);
        rule("case-service DELETE /api/v1/cases/{id}/shares/{jurisdiction}", REVIEWER, ISSUER);
        rule("case-service POST /api/v1/enforcement-proceedings", REGULATOR);
        rule("case-service GET /api/v1/enforcement-proceedings", REGULATOR, AUDITOR);
        rule("case-service GET /api/v1/enforcement-proceedings/{id}", REGULATOR, AUDITOR);
        rule("case-service POST /api/v1/enforcement-proceedings/{id}/representations", REGULATOR);
        rule("case-service POST /api/v1/enforcement-proceedings/{id}/decision", REGULATOR);
        rule("case-service GET /api/v1/cases/{id}/audit", REFERRER, REVIEWER, ISSUER, REGULATOR, AUDITOR);
        rule("case-service GET /api/v1/review-queue", REVIEWER);
        rule("case-service GET /api/v1/removal-orders/{id}", REFERRER, REVIEWER, ISSUER, REGULATOR, AUDITOR, SCRUTINEER);
        rule("case-service POST /api/v1/removal-orders/{id}/withdrawal", ISSUER);
        rule("case-service POST /api/v1/removal-orders/{id}/resumption", ISSUER);
        rule("case-service POST /api/v1/removal-orders/{id}/scrutiny", SCRUTINEER);
        rule("case-service POST /api/v1/removal-orders/{id}/scrutiny-requests", SERVICE);
        rule("case-service POST /api/v1/removal-orders/{id}/delivery-events", SERVICE);
        rule("case-service POST /api/v1/removal-orders/{id}/feedback", SERVICE);
        rule("case-service GET /api/v1/audit/verify", AUDITOR);
        rule("case-service GET /api/v1/reports/compliance", REGULATOR, ISSUER);
        rule("case-service GET /api/v1/reports/transparency", REGULATOR, ISSUER, AUDITOR);
        // notify-service
        rule("notify-service GET /api/v1/platforms", ADMIN, SERVICE);
        rule("notify-service POST /api/v1/platforms", ADMIN);
        rule("notify-service GET /api/v1/platforms/{id}", ADMIN, SERVICE, PLATFORM);
        rule("notify-service PUT /api/v1/platforms/{id}", ADMIN);
        rule("notify-service POST /api/v1/platforms/{id}/webhook-secret", ADMIN);
        rule("notify-service POST /api/v1/notifications", SERVICE);
        rule("notify-service GET /api/v1/deliveries", ADMIN, AUDITOR, SERVICE, ISSUER, REGULATOR);
        rule("notify-service GET /api/v1/inbox", PLATFORM);
        rule("notify-service POST /api/v1/inbox/{id}/ack", PLATFORM);
        rule("notify-service POST /api/v1/removal-orders/{id}/feedback", PLATFORM);
        rule("notify-service POST /api/v1/removal-orders/{id}/scrutiny-requests", PLATFORM);
    }

    private static void rule(String operation, String... roles) {
        RULES.put(normalise(operation), Set.of(roles));
    }

    /** Path parameters compared by position, not name: {@code /a/{id}} and {@code /a/{caseId}} are one operation. */
    static String normalise(String operation) {
        return operation.replaceAll("\\{[^}]+\\}", "{}");
    }

    /** A caller: tenant, role and token. */
    record Identity(String tenant, String role, String token) {
        @Override
        public String toString() {
            return tenant + " " + role;
        }
    }

    static Suite suite;
    static Vigie vigie;

    @BeforeAll
    static void connect() {
        suite = SuiteExtension.suite();
        vigie = new Vigie(suite);
    }

    /** A real token of every tenant and role (tokens are fetched per service, so none expires mid-sweep). */
    static List<Identity> identities() {
        List<Identity> identities = new ArrayList<>();
        for (String tenant : List.of("gb", "fr")) {
            for (String role : List.of(REFERRER, REVIEWER, ISSUER, SCRUTINEER, REGULATOR)) {
                identities.add(new Identity(tenant, role, vigie.user(tenant, tenant + "-" + role)));
            }
        }
        identities.add(new Identity("vigie", ADMIN, vigie.user("vigie", "admin")));
        identities.add(new Identity("vigie", AUDITOR, vigie.user("vigie", "auditor")));
        identities.add(new Identity("vigie", SERVICE, suite.tokens().client("vigie", "ingest-service", "ingest-service-secret")));
        identities.add(new Identity("platforms", PLATFORM, vigie.platform("examplevideo")));
        return identities;
    }

    /** Tokens no service may accept, made from a real one: unsigned, signed with a guessable HMAC key, tampered with. */
    static Map<String, String> forgedTokens(String real) {
        Map<String, String> forged = new LinkedHashMap<>();
        String[] parts = real.split("\\.");
        forged.put("an alg none token", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        String hsHeader = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        forged.put("an HS256 token", hsHeader + "." + parts[1] + "." + hmac(hsHeader + "." + parts[1]));
        int middle = parts[2].length() / 2;
        char flipped = parts[2].charAt(middle) == 'A' ? 'B' : 'A';
        forged.put("a token with a broken signature",
                parts[0] + "." + parts[1] + "." + parts[2].substring(0, middle) + flipped + parts[2].substring(middle + 1));
        return forged;
    }

    @Test
    void everyOperationAdmitsExactlyTheRolesOfItsRule() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        int operations = 0;
        int calls = 0;
        long begin = System.nanoTime();
        for (String service : Suite.SERVICES) {
            List<Identity> identities = identities();
            Map<String, String> forged = forgedTokens(identities.get(0).token());
            String base = suite.service(service).baseUrl();
            JsonNode openApi = JSON.readTree(given().baseUri(base).queryParam("format", "json").get("/q/openapi")
                    .then().statusCode(200).extract().asString());
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
                    String key = normalise(where);
                    seen.add(key);
                    Set<String> allowed = RULES.get(key);
                    if (allowed == null) {
                        failures.add(where + ": no access rule in AccessSweepTest.RULES (add one from its @RolesAllowed)");
                        continue;
                    }
                    Set<String> documented = documentedRoles(op.getValue());
                    if (documented.isEmpty()) {
                        undocumented.add(where);
                    } else if (!documented.equals(new TreeSet<>(allowed))) {
                        failures.add(where + ": the OpenAPI document lists roles " + documented + ", the rule says "
                                + new TreeSet<>(allowed));
                    }
                    String concrete = concretePath(path.getKey());
                    String mediaType = requestMediaType(op.getValue());

                    calls++;
                    expect(failures, where + " without a token", call(base, method, concrete, mediaType, null), 401);
                    for (Map.Entry<String, String> token : forged.entrySet()) {
                        calls++;
                        expect(failures, where + " with " + token.getKey(),
                                call(base, method, concrete, mediaType, token.getValue()), 401);
                    }
                    for (Identity identity : identities) {
                        calls++;
                        Response response = call(base, method, concrete, mediaType, identity.token());
                        int status = response.statusCode();
                        if (status >= 500) {
                            failures.add(where + " as " + identity + ": server error " + status + " " + response.asString());
                        } else if (!allowed.contains(identity.role())) {
                            expect(failures, where + " as " + identity + " (rule admits " + new TreeSet<>(allowed) + ")",
                                    response, 403);
                        } else if (status == 401 || (status == 403 && GENERIC_FORBIDDEN.equals(detail(response)))) {
                            failures.add(where + " as " + identity + ": refused with " + status + " although the rule admits "
                                    + new TreeSet<>(allowed) + ": " + response.asString());
                        }
                    }
                }
            }
        }
        for (String rule : RULES.keySet()) {
            if (!seen.contains(rule)) {
                failures.add(rule + ": has an access rule but no service documents the operation any more");
            }
        }
        System.out.printf("Access sweep: %d operations, %d calls in %.1f s; %d operations do not list their roles as scopes%s%n",
                operations, calls, (System.nanoTime() - begin) / 1e9, undocumented.size(),
                undocumented.isEmpty() ? "" : ": " + undocumented);
        assertTrue(operations > 50, "the OpenAPI documents list too few operations: " + operations);
        if (!failures.isEmpty()) {
            fail(failures.size() + " access rule violations:\n  " + String.join("\n  ", failures));
        }
    }

    @Test
    void aFrenchOfficerOfAnyRoleCannotReadOrActOnABritishCase() {
        String gbReferrer = vigie.user("gb", "gb-referrer");
        String gbReviewer = vigie.user("gb", "gb-reviewer");
        String text = "Access sweep " + UUID.randomUUID() + ": attack the parade, glory to the martyrs of the Front";
        JsonPath referral = vigie.as(gbReferrer, "ingest-service").body(Map.of(
                "url", "https://jurisdiction.example/p/" + UUID.randomUUID(), "contentType", "TEXT",
                "text", text, "language", "en"))
                .post("/api/v1/referrals").then().statusCode(201).extract().jsonPath();
        String referralId = referral.getString("id");
        String sha256 = referral.getString("signals.sha256");
        String caseId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> vigie.as(gbReferrer, "ingest-service").get("/api/v1/referrals/" + referralId)
                        .then().statusCode(200).extract().jsonPath().getString("caseId"), id -> id != null);
        // The owner reads it: the refusals below are about France, not a broken endpoint.
        vigie.as(gbReviewer, "case-service").get("/api/v1/cases/" + caseId).then().statusCode(200);
        vigie.as(gbReviewer, "ingest-service").get("/api/v1/evidence/" + sha256).then().statusCode(200);

        Map<String, Object> assessment = Map.of("decision", "TERRORIST_CONTENT", "categories", List.of("INCITEMENT"),
                "tier", "PROMOTIONAL", "legalBasis", "Regulation (EU) 2021/784, Art. 3", "reasons", "Glorification");
        Map<String, Object> order = Map.of("fileNumber", "SWEEP-1", "reasons", "Incites terrorist offences");
        List<String> failures = new ArrayList<>();
        for (String role : List.of(REFERRER, REVIEWER, ISSUER, SCRUTINEER, REGULATOR)) {
            String fr = vigie.user("fr", "fr-" + role);
            Map<String, RequestSpecification> attempts = new LinkedHashMap<>();
            attempts.put("GET case", vigie.as(fr, "case-service").basePath("/api/v1/cases/" + caseId));
            attempts.put("GET case audit", vigie.as(fr, "case-service").basePath("/api/v1/cases/" + caseId + "/audit"));
            attempts.put("POST claim", vigie.as(fr, "case-service").body("{}").basePath("/api/v1/cases/" + caseId + "/claim"));
            attempts.put("POST assessment",
                    vigie.as(fr, "case-service").body(assessment).basePath("/api/v1/cases/" + caseId + "/assessment"));
            attempts.put("POST removal order",
                    vigie.as(fr, "case-service").body(order).basePath("/api/v1/cases/" + caseId + "/removal-orders"));
            attempts.put("POST voluntary referral",
                    vigie.as(fr, "case-service").body(order).basePath("/api/v1/cases/" + caseId + "/referrals"));
            attempts.put("GET referral", vigie.as(fr, "ingest-service").basePath("/api/v1/referrals/" + referralId));
            attempts.put("GET evidence", vigie.as(fr, "ingest-service").basePath("/api/v1/evidence/" + sha256));
            attempts.put("GET custody", vigie.as(fr, "ingest-service").basePath("/api/v1/evidence/" + sha256 + "/custody"));
            for (Map.Entry<String, RequestSpecification> attempt : attempts.entrySet()) {
                String method = attempt.getKey().substring(0, attempt.getKey().indexOf(' '));
                Response response = attempt.getValue().request(method);
                if (response.statusCode() != 403 && response.statusCode() != 404) {
                    failures.add("fr " + role + " " + attempt.getKey() + ": " + response.statusCode() + " " + response.asString());
                }
            }
            // Listing shows nothing of the British case either.
            Response list = vigie.as(fr, "case-service").get("/api/v1/cases");
            if (list.statusCode() == 200 && list.asString().contains(caseId)) {
                failures.add("fr " + role + " lists the gb case " + caseId);
            }
            Response referrals = vigie.as(fr, "ingest-service").get("/api/v1/referrals");
            if (referrals.statusCode() == 200 && referrals.asString().contains(referralId)) {
                failures.add("fr " + role + " lists the gb referral " + referralId);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " jurisdiction violations:\n  " + String.join("\n  ", failures));

        // Nothing France tried changed the case.
        JsonPath theCase = vigie.as(gbReviewer, "case-service").get("/api/v1/cases/" + caseId)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("GB", theCase.getString("ownerJurisdiction"));
        assertEquals("OPEN", theCase.getString("status"), "a fr officer changed the gb case: " + theCase.prettify());
        assertNull(theCase.get("claimedBy"), "a fr reviewer claimed the gb case");
        assertNull(theCase.get("assessment"), "a fr reviewer's assessment reached the gb case");
        List<Object> orders = theCase.getList("removalOrders");
        assertTrue(orders == null || orders.isEmpty(), "a fr officer's removal order reached the gb case");
    }

    private static void expect(List<String> failures, String what, Response response, int status) {
        if (response.statusCode() != status) {
            failures.add(what + ": expected " + status + ", got " + response.statusCode() + " " + response.asString());
        } else if (!String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            failures.add(what + ": " + status + " without a problem+json body (" + response.contentType() + ")");
        }
    }

    private static String detail(Response response) {
        try {
            return JSON.readTree(response.asString()).path("detail").asText(null);
        } catch (Exception e) {
            return null;
        }
    }

    /** The scopes of every security requirement of the operation (Quarkus lists @RolesAllowed roles there). */
    static Set<String> documentedRoles(JsonNode operation) {
        Set<String> roles = new TreeSet<>();
        for (JsonNode requirement : operation.path("security")) {
            requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(scope -> roles.add(scope.asText())));
        }
        return roles;
    }

    /** Random ids: a SHA-256 for evidence, an unknown bank name, a country code, a UUID for the rest. */
    static String concretePath(String template) {
        return template.replaceAll("\\{[^}]*sha256[^}]*\\}", "0".repeat(64))
                .replaceAll("\\{name\\}|\\{bank\\}", "NO_SUCH_BANK")
                .replaceAll("\\{jurisdiction\\}", "FR")
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
            // Bytes, so that any media type the document names can be sent as it is.
            if (mediaType.contains("ndjson")) {
                request = request.body("{}\n".getBytes(StandardCharsets.UTF_8));
            } else if (mediaType.contains("json")) {
                request = request.body("{}".getBytes(StandardCharsets.UTF_8));
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
