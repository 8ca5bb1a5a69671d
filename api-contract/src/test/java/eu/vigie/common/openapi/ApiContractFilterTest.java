package eu.vigie.common.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class ApiContractFilterTest {

    static Operation secured() {
        return OASFactory.createOperation().tags(List.of("Things"))
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("vigie", "admin"))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
    }

    static OpenAPI document() {
        Operation create = secured().requestBody(OASFactory.createRequestBody().content(OASFactory.createContent()
                .addMediaType("application/json", OASFactory.createMediaType().schema(OASFactory.createSchema()
                        .addProperty("url", OASFactory.createSchema().pattern("(?i)https?://.+"))))));
        create.getResponses().addAPIResponse("400", OASFactory.createAPIResponse().description("Bad Request"));
        Operation list = secured().addParameter(OASFactory.createParameter().name("cursor").in(Parameter.In.QUERY));
        Operation read = secured().addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH));
        Operation open = OASFactory.createOperation().security(List.of())
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
        OpenAPI openAPI = OASFactory.createOpenAPI().info(OASFactory.createInfo().title("t").version("1"));
        openAPI.setPaths(OASFactory.createPaths()
                .addPathItem("/api/v1/things", OASFactory.createPathItem().POST(create).GET(list))
                .addPathItem("/api/v1/things/{id}", OASFactory.createPathItem().GET(read))
                .addPathItem("/api/v1/open", OASFactory.createPathItem().GET(open))
                .addPathItem("/q/other", OASFactory.createPathItem().GET(secured())));
        return openAPI;
    }

    static OpenAPI filtered() {
        OpenAPI openAPI = document();
        new ApiContractFilter().filterOpenAPI(openAPI);
        return openAPI;
    }

    static List<String> codes(Operation operation) {
        return List.copyOf(operation.getResponses().getAPIResponses().keySet());
    }

    @Test
    void eachOperationGetsTheProblemAnswersItCanGive() {
        OpenAPI openAPI = filtered();
        assertEquals(List.of("200", "400", "401", "403", "409", "413", "422"),
                codes(openAPI.getPaths().getPathItem("/api/v1/things").getPOST()));
        assertEquals(List.of("200", "400", "401", "403"), codes(openAPI.getPaths().getPathItem("/api/v1/things").getGET()));
        assertEquals(List.of("200", "401", "403", "404"), codes(openAPI.getPaths().getPathItem("/api/v1/things/{id}").getGET()));
        assertEquals(List.of("200"), codes(openAPI.getPaths().getPathItem("/api/v1/open").getGET()), "no token, no 401");
        assertEquals(List.of("200"), codes(openAPI.getPaths().getPathItem("/q/other").getGET()), "only /api is the contract");
        assertEquals("#/components/responses/Unauthorized",
                openAPI.getPaths().getPathItem("/api/v1/things/{id}").getGET().getResponses().getAPIResponse("401").getRef());
    }

    @Test
    void aDeclaredAnswerWithoutBodyKeepsItsPlaceAndGetsTheProblemBody() {
        APIResponse badRequest = filtered().getPaths().getPathItem("/api/v1/things").getPOST().getResponses()
                .getAPIResponse("400");
        assertTrue(badRequest.getDescription().startsWith("The request is not valid"), badRequest.getDescription());
        assertEquals("#/components/schemas/Problem",
                badRequest.getContent().getMediaType("application/problem+json").getSchema().getRef());
    }

    @Test
    void sharedResponsesAndTheProblemSchemaAreDefinedWithExamples() {
        OpenAPI openAPI = filtered();
        Map<String, APIResponse> responses = openAPI.getComponents().getResponses();
        assertEquals(List.of("Unauthorized", "Forbidden", "Conflict", "PayloadTooLarge", "UnprocessableContent", "BadRequest",
                "NotFound").stream().sorted().toList(), responses.keySet().stream().sorted().toList());
        Object example = responses.get("Forbidden").getContent().getMediaType("application/problem+json").getExamples()
                .get("Forbidden").getValue();
        assertEquals(403, ((Map<?, ?>) example).get("status"));
        Schema problem = openAPI.getComponents().getSchemas().get("Problem");
        assertEquals(List.of("type", "title", "status"), problem.getRequired());
        assertFalse(problem.getExamples().isEmpty());
        assertNotNull(openAPI.getComponents().getSchemas().get("Violation"));
    }

    @Test
    void infoServersTagsAndPatternsAreCompleted() {
        OpenAPI openAPI = filtered();
        assertEquals("Vigie operators", openAPI.getInfo().getContact().getName());
        assertNotNull(openAPI.getInfo().getLicense().getName());
        assertEquals("http://localhost:8089", openAPI.getServers().get(0).getUrl());
        assertEquals(List.of("Things"), openAPI.getTags().stream().map(t -> t.getName()).toList());
        Schema body = openAPI.getPaths().getPathItem("/api/v1/things").getPOST().getRequestBody().getContent()
                .getMediaType("application/json").getSchema();
        assertEquals("[hH][tT][tT][pP][sS]?://.+", body.getProperties().get("url").getPattern());
    }

    @Test
    void runningAgainAtRuntimeChangesNothing() {
        OpenAPI once = filtered();
        String before = summary(once);
        new ApiContractFilter().filterOpenAPI(once);
        assertEquals(before, summary(once));
    }

    static String summary(OpenAPI openAPI) {
        StringBuilder out = new StringBuilder();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> out
                .append(method).append(' ').append(path).append(codes(op)).append(op.getResponses().getAPIResponses()
                        .values().stream().map(r -> r.getRef() + "/" + r.getDescription()).toList()).append('\n')));
        out.append(openAPI.getComponents().getResponses().keySet()).append(openAPI.getComponents().getSchemas().keySet())
                .append(openAPI.getServers().size()).append(openAPI.getTags().size());
        return out.toString();
    }
}
