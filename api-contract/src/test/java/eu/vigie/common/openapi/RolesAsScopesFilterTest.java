package eu.vigie.common.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.jboss.jandex.Index;
import org.junit.jupiter.api.Test;

class RolesAsScopesFilterTest {

    static OpenAPI document() {
        OpenAPI openAPI = OASFactory.createOpenAPI();
        openAPI.setPaths(OASFactory.createPaths()
                .addPathItem("/api/v1/things", OASFactory.createPathItem().GET(op()))
                .addPathItem("/api/v1/things/{id}", OASFactory.createPathItem().GET(op()).PUT(op()).DELETE(op()))
                .addPathItem("/api/v1/things/{thingId}/notes", OASFactory.createPathItem().POST(op())));
        return openAPI;
    }

    static Operation op() {
        // What the resources' class-level @SecurityRequirement(name = "jwt") gives before the filter runs.
        return OASFactory.createOperation().addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("jwt"));
    }

    static OpenAPI filtered() throws IOException {
        OpenAPI openAPI = document();
        new RolesAsScopesFilter(Index.of(ThingResource.class)).filterOpenAPI(openAPI);
        return openAPI;
    }

    static Map<String, List<String>> security(Operation operation) {
        Map<String, List<String>> bySchemes = new LinkedHashMap<>();
        for (SecurityRequirement requirement : operation.getSecurity()) {
            assertEquals(1, requirement.getSchemes().size(), "one tenant per alternative");
            requirement.getSchemes().forEach(bySchemes::put);
        }
        return bySchemes;
    }

    @Test
    void methodRolesAreListedPerTenantThatMayGrantThem() throws IOException {
        Operation get = filtered().getPaths().getPathItem("/api/v1/things/{id}").getGET();
        assertEquals(Map.of("fr", List.of("issuer"), "gb", List.of("issuer"), "vigie", List.of("admin", "service")),
                security(get));
    }

    @Test
    void classRolesApplyWhereTheMethodHasNone() throws IOException {
        Operation list = filtered().getPaths().getPathItem("/api/v1/things").getGET();
        assertEquals(Map.of("vigie", List.of("admin")), security(list));
    }

    @Test
    void permitAllNeedsNoTokenAuthenticatedAnyTenantsAndDenyAllIsLeftOut() throws IOException {
        OpenAPI openAPI = filtered();
        Operation note = openAPI.getPaths().getPathItem("/api/v1/things/{thingId}/notes").getPOST();
        assertNotNull(note.getSecurity());
        assertTrue(note.getSecurity().isEmpty(), "a @PermitAll operation requires nothing, even with a regex in its path");
        Operation replace = openAPI.getPaths().getPathItem("/api/v1/things/{id}").getPUT();
        assertEquals(Map.of("fr", List.of(), "gb", List.of(), "platforms", List.of(), "vigie", List.of()), security(replace));
        assertNull(openAPI.getPaths().getPathItem("/api/v1/things/{id}").getDELETE(), "no token may call @DenyAll");
    }

    @Test
    void eachTenantIsAnOAuth2SchemeWithItsRealmsEndpointsAndGrantableRoles() throws IOException {
        Map<String, SecurityScheme> schemes = filtered().getComponents().getSecuritySchemes();
        assertEquals(List.of("fr", "gb", "platforms", "vigie"), List.copyOf(schemes.keySet()), "jwt is replaced");
        SecurityScheme gb = schemes.get("gb");
        assertEquals(SecurityScheme.Type.OAUTH2, gb.getType());
        assertNull(gb.getFlows().getClientCredentials(), "officers sign in; no government client has client credentials");
        assertEquals("http://localhost:8180/realms/gb/protocol/openid-connect/auth",
                gb.getFlows().getAuthorizationCode().getAuthorizationUrl());
        assertEquals("http://localhost:8180/realms/gb/protocol/openid-connect/token",
                gb.getFlows().getAuthorizationCode().getTokenUrl());
        assertEquals(List.of("issuer", "referrer", "regulator", "reviewer", "scrutineer"),
                List.copyOf(gb.getFlows().getAuthorizationCode().getScopes().keySet()));
        SecurityScheme vigie = schemes.get("vigie");
        assertEquals(List.of("admin", "auditor", "service"),
                List.copyOf(vigie.getFlows().getClientCredentials().getScopes().keySet()));
        assertNotNull(vigie.getFlows().getAuthorizationCode(), "operators and auditors sign in");
        SecurityScheme platforms = schemes.get("platforms");
        assertEquals(List.of("platform"), List.copyOf(platforms.getFlows().getClientCredentials().getScopes().keySet()));
        assertNull(platforms.getFlows().getAuthorizationCode());
    }

    @Test
    void aRoleNoTenantMayGrantFailsTheBuild() throws IOException {
        OpenAPI openAPI = OASFactory.createOpenAPI();
        openAPI.setPaths(OASFactory.createPaths().addPathItem("/api/v1/typos", OASFactory.createPathItem().GET(op())));
        RolesAsScopesFilter filter = new RolesAsScopesFilter(Index.of(TypoResource.class));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> filter.filterOpenAPI(openAPI));
        assertTrue(e.getMessage().contains("GET /api/v1/typos"), e.getMessage());
    }

    @Test
    void anOperationOfNoKnownResourceKeepsWhatItHad() throws IOException {
        OpenAPI openAPI = document();
        openAPI.getPaths().addPathItem("/api/v1/other", OASFactory.createPathItem().GET(op()));
        new RolesAsScopesFilter(Index.of(ThingResource.class)).filterOpenAPI(openAPI);
        assertEquals(Map.of("jwt", List.of()), security(openAPI.getPaths().getPathItem("/api/v1/other").getGET()));
        assertEquals(PathItem.HttpMethod.GET,
                openAPI.getPaths().getPathItem("/api/v1/other").getOperations().keySet().iterator().next());
    }
}
