package eu.vigie.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.common.security.Roles;

/**
 * The documents the four services' builds stored (what the clients of this module are generated from and
 * what Spectral lints): every {@code /api} operation says which tenants' roles it admits, with scopes each
 * tenant's scheme defines, and answers its errors as RFC 9457 problems.
 */
class StoredDocumentsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    static JsonNode document(String service) throws IOException {
        // The same files the clients are generated from (spec.<service>, set by the pom from -Dspec.ingest and so on)
        Path file = Path.of(System.getProperty("spec." + service,
                Path.of("..", service, "target", "openapi", "openapi.json").toString()));
        assertTrue(Files.isRegularFile(file), file.toAbsolutePath() + " is missing: build " + service + " first "
                + "(./mvnw -pl api-contract -am verify builds the services before this module)");
        return JSON.readTree(file.toFile());
    }

    @ParameterizedTest
    @ValueSource(strings = { "ingest-service", "classify-service", "case-service", "notify-service" })
    void everyApiOperationListsTheRolesItAdmitsAndItsProblemAnswers(String service) throws IOException {
        JsonNode doc = document(service);
        JsonNode schemes = doc.path("components").path("securitySchemes");
        assertEquals(Set.of("vigie", "gb", "fr", "platforms"), names(schemes), service + ": one scheme per tenant");
        List<String> failures = new ArrayList<>();
        int operations = 0;
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!HTTP_METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String where = service + " " + op.getKey().toUpperCase() + " " + path.getKey();
                Set<String> roles = new HashSet<>();
                for (JsonNode requirement : op.getValue().path("security")) {
                    requirement.fields().forEachRemaining(scheme -> {
                        JsonNode defined = schemes.path(scheme.getKey()).path("flows");
                        if (defined.isMissingNode()) {
                            failures.add(where + ": scheme " + scheme.getKey() + " is not a tenant's");
                        }
                        scheme.getValue().forEach(role -> {
                            roles.add(role.asText());
                            boolean listed = false;
                            for (JsonNode flow : defined) {
                                listed |= flow.path("scopes").has(role.asText());
                            }
                            if (!listed) {
                                failures.add(where + ": role " + role.asText() + " is not a scope of " + scheme.getKey());
                            }
                        });
                    });
                }
                if (roles.isEmpty()) {
                    failures.add(where + ": lists no role");
                }
                Set<String> known = new HashSet<>(Roles.GOVERNMENT);
                known.addAll(Roles.OPERATOR);
                known.addAll(Roles.PLATFORMS);
                if (!known.containsAll(roles)) {
                    failures.add(where + ": unknown roles in " + roles);
                }
                for (String status : List.of("401", "403")) {
                    JsonNode response = op.getValue().path("responses").path(status);
                    if (!problem(doc, response)) {
                        failures.add(where + ": no problem+json " + status);
                    }
                }
                if (path.getKey().contains("{") && !problem(doc, op.getValue().path("responses").path("404"))) {
                    failures.add(where + ": no problem+json 404 although the path names a resource");
                }
            }
        }
        assertTrue(operations >= 5, service + " documents only " + operations + " /api operations");
        assertEquals(List.of(), failures);
    }

    @ParameterizedTest
    @ValueSource(strings = { "ingest-service", "classify-service", "case-service", "notify-service" })
    void theProblemSchemaIsTheOneVigieAnswers(String service) throws IOException {
        JsonNode problem = document(service).path("components").path("schemas").path("Problem");
        assertEquals(Set.of("type", "title", "status", "detail", "instance", "errorId", "violations"),
                names(problem.path("properties")));
        assertFalse(problem.path("examples").isEmpty());
    }

    static boolean problem(JsonNode doc, JsonNode response) {
        JsonNode resolved = response;
        if (response.has("$ref")) {
            String name = response.get("$ref").asText().substring("#/components/responses/".length());
            resolved = doc.path("components").path("responses").path(name);
        }
        return resolved.path("content").path("application/problem+json").path("schema").path("$ref").asText()
                .equals("#/components/schemas/Problem");
    }

    static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
