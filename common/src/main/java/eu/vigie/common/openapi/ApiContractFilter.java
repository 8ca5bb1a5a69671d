package eu.vigie.common.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.info.Info;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.servers.Server;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import eu.vigie.common.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Completes every Vigie service's OpenAPI document with what its annotations do not say one by one:
 * <ul>
 * <li>the RFC 9457 problem answers each {@code /api} operation can give, as shared responses
 * ({@code #/components/responses/...}) whose {@code application/problem+json} body is the shared
 * {@code Problem} schema, each with an example: 401 and 403 for every secured operation, 400 where a
 * body or query/header parameters can be invalid, 404 where the path names a resource, 409 and 422
 * for writes (optimistic-lock conflicts and state rules), 413 where a body is sent. A response an
 * annotation already declares keeps its description and gains the problem body if it had none;</li>
 * <li>a server (the service's own port on this machine, with a description), a contact and a licence
 * when the configuration gives none;</li>
 * <li>a global tag for every tag an operation uses;</li>
 * <li>schema patterns in the regular expression language of JSON Schema ({@link JavaPatterns});</li>
 * <li>a Jackson {@code JsonNode} field (a payload passed on as given) as what it is, any JSON value, not the
 * getters of Jackson's class;</li>
 * <li>at runtime start, the tenants' security schemes with the runtime {@code auth-server-url}s.</li>
 * </ul>
 * It runs at build time (the document stored under {@code target/openapi} and published at
 * {@code /q/openapi}) and again at runtime start, where it changes nothing that is already complete.
 */
@OpenApiFilter(stages = { OpenApiFilter.RunStage.BUILD, OpenApiFilter.RunStage.RUNTIME_STARTUP })
public class ApiContractFilter implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String VIOLATION = "Violation";
    static final String CONTACT_NAME = "Vigie operators";
    static final String LICENSE_NAME = "Proprietary: the Vigie operators' terms of use";
    /** An SPDX reference to a licence that is not on the SPDX list (OpenAPI 3.1 wants an identifier or a URL). */
    static final String LICENSE_IDENTIFIER = "LicenseRef-Vigie-Proprietary";
    static final String SERVER_DESCRIPTION = "This service on this machine (the local suite, ./run-local.sh); a "
            + "deployment serves it at its own address";

    /** The problem answers this filter documents, by status. */
    enum Answer {
        BAD_REQUEST("400", "BadRequest", "The request is not valid: a field, a parameter or the JSON is wrong; "
                + "nothing was changed", "invalid-request", "The request is not valid",
                "Field 'url' must be an http or https URL", "url", "must be an http or https URL"),
        UNAUTHORIZED("401", "Unauthorized", "No valid bearer token: missing, expired, from an unknown issuer or "
                + "without the audience vigie", "unauthorized", "Unauthorized", "A valid bearer token is required",
                null, null),
        FORBIDDEN("403", "Forbidden", "The token's roles or jurisdiction do not allow this operation",
                "forbidden", "Forbidden", "Your roles or jurisdiction do not allow this operation", null, null),
        NOT_FOUND("404", "NotFound", "Nothing with this id exists, or nothing the caller may see",
                "not-found", "Not found", "Case 1f0e6a52-3c1d-4e0a-9d43-2b7c5f1e8a90 was not found", null, null),
        CONFLICT("409", "Conflict", "The request conflicts with the current state (for example another user "
                + "changed it first); read it again and retry", "conflict", "Conflict with the current state",
                "The case was changed by someone else; read it again", null, null),
        PAYLOAD_TOO_LARGE("413", "PayloadTooLarge", "The body, or a field of it, is larger than this service "
                + "accepts", "payload-too-large", "The request is too large",
                "The content is 73400320 bytes; at most 52428800 are accepted", null, null),
        UNPROCESSABLE("422", "UnprocessableContent", "The request is well formed but a rule of the procedure "
                + "refuses it; the problem's type names the rule", "platform-unknown",
                "The hosting service provider is not known",
                "No platform is registered for the host example.org", null, null);

        final String status;
        final String component;
        final String description;
        final String slug;
        final String title;
        final String detail;
        final String field;
        final String message;

        Answer(String status, String component, String description, String slug, String title, String detail,
                String field, String message) {
            this.status = status;
            this.component = component;
            this.description = description;
            this.slug = slug;
            this.title = title;
            this.detail = detail;
            this.field = field;
            this.message = message;
        }

        Map<String, Object> example(String instance) {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", Problem.typeOf(slug).toString());
            example.put("title", title);
            example.put("status", Integer.parseInt(status));
            example.put("detail", detail);
            example.put("instance", instance);
            if (field != null) {
                Map<String, Object> violation = new LinkedHashMap<>();
                violation.put("field", field);
                violation.put("message", message);
                example.put("violations", List.of(violation));
            }
            return example;
        }
    }

    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Config config = ConfigProvider.getConfig();
        completeInfo(openAPI);
        completeServers(openAPI, config);
        TenantSchemes.refresh(openAPI, TenantSchemes.configured(config));
        JavaPatterns.rewrite(openAPI);
        freeFormJson(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Set<Answer> used = new LinkedHashSet<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/") || item.getOperations() == null) {
                return;
            }
            item.getOperations().forEach((method, operation) -> used.addAll(completeResponses(path, item, method,
                    operation)));
        });
        if (!used.isEmpty()) {
            Components components = components(openAPI);
            defineProblemSchemas(components);
            for (Answer answer : used) {
                if (components.getResponses() == null || !components.getResponses().containsKey(answer.component)) {
                    components.addResponse(answer.component, response(answer));
                }
            }
        }
        defineTags(openAPI);
    }

    /** The problem answers an operation can give, given what it takes and where it is. */
    static Set<Answer> answersOf(String path, PathItem item, PathItem.HttpMethod method, Operation operation) {
        Set<Answer> answers = new LinkedHashSet<>();
        boolean hasBody = operation.getRequestBody() != null;
        if (hasBody || hasNonPathParameter(item.getParameters()) || hasNonPathParameter(operation.getParameters())) {
            answers.add(Answer.BAD_REQUEST);
        }
        if (operation.getSecurity() == null || !operation.getSecurity().isEmpty()) {
            answers.add(Answer.UNAUTHORIZED);
            answers.add(Answer.FORBIDDEN);
        }
        if (path.contains("{")) {
            answers.add(Answer.NOT_FOUND);
        }
        if (WRITES.contains(method)) {
            answers.add(Answer.CONFLICT);
        }
        if (hasBody) {
            answers.add(Answer.PAYLOAD_TOO_LARGE);
        }
        if (WRITES.contains(method)) {
            answers.add(Answer.UNPROCESSABLE);
        }
        return answers;
    }

    /** Adds the answers the operation lacks; returns those it now refers to as shared responses. */
    static Set<Answer> completeResponses(String path, PathItem item, PathItem.HttpMethod method, Operation operation) {
        Set<Answer> referred = new LinkedHashSet<>();
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (Answer answer : answersOf(path, item, method, operation)) {
            APIResponse existing = responses.getAPIResponse(answer.status);
            if (existing == null) {
                responses.addAPIResponse(answer.status, OASFactory.createAPIResponse().ref(answer.component));
                referred.add(answer);
            } else if (existing.getRef() != null) {
                if (existing.getRef().endsWith("/" + answer.component)) {
                    referred.add(answer);
                }
            } else if (existing.getContent() == null || existing.getContent().getMediaTypes() == null
                    || existing.getContent().getMediaTypes().isEmpty()) {
                // Declared by an annotation (or Quarkus's automatic 400) without a body: every error is a problem.
                if (existing.getDescription() == null || existing.getDescription().isBlank()
                        || existing.getDescription().equals("Bad Request")) {
                    existing.setDescription(answer.description);
                }
                existing.setContent(problemContent(answer, null));
                referred.add(answer);
            }
        }
        return referred;
    }

    private static boolean hasNonPathParameter(List<Parameter> parameters) {
        return parameters != null && parameters.stream().anyMatch(p -> p.getIn() != Parameter.In.PATH);
    }

    static APIResponse response(Answer answer) {
        return OASFactory.createAPIResponse().description(answer.description).content(problemContent(answer, null));
    }

    static Content problemContent(Answer answer, String instance) {
        MediaType mediaType = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM))
                .addExample(answer.component, OASFactory.createExample()
                        .summary(answer.title)
                        .value(answer.example(instance == null ? "/api/v1/cases/1f0e6a52-3c1d-4e0a-9d43-2b7c5f1e8a90"
                                : instance)));
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, mediaType);
    }

    /** The shared {@code Problem} and {@code Violation} schemas, as {@link Problem} serialises. */
    static void defineProblemSchemas(Components components) {
        Schema violation = OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("One invalid field of a request")
                .addProperty("field", string("The field, as a JSON path within the request (e.g. media.mediaType)"))
                .addProperty("message", string("What is wrong with it"))
                .addRequired("field")
                .addRequired("message");
        Schema problem = OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details: the body of every error answer of Vigie "
                        + "(media type application/problem+json)")
                .addProperty("type", string("A URI naming the kind of problem: urn:vigie:problem:<slug>").format("uri"))
                .addProperty("title", string("A short summary of the kind of problem, the same for every occurrence"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .format("int32").minimum(java.math.BigDecimal.valueOf(400))
                        .maximum(java.math.BigDecimal.valueOf(599)).description("The HTTP status code"))
                .addProperty("detail", string("What went wrong this time, for a person to read"))
                .addProperty("instance", string("The request path the problem arose on"))
                .addProperty("errorId", string("For server errors only: the id under which the details were logged"))
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .description("For invalid input: each field that was wrong and why")
                        .items(OASFactory.createSchema().ref(VIOLATION)))
                .addRequired("type")
                .addRequired("title")
                .addRequired("status")
                .examples(List.of(Answer.BAD_REQUEST.example("/api/v1/referrals")));
        components.addSchema(PROBLEM, problem);
        components.addSchema(VIOLATION, violation);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }

    static void completeInfo(OpenAPI openAPI) {
        Info info = openAPI.getInfo();
        if (info == null) {
            info = OASFactory.createInfo();
            openAPI.setInfo(info);
        }
        if (info.getContact() == null) {
            info.setContact(OASFactory.createContact().name(CONTACT_NAME));
        }
        if (info.getLicense() == null) {
            info.setLicense(OASFactory.createLicense().name(LICENSE_NAME).identifier(LICENSE_IDENTIFIER));
        } else if (info.getLicense().getUrl() == null && info.getLicense().getIdentifier() == null) {
            info.getLicense().setIdentifier(LICENSE_IDENTIFIER);
        }
    }

    static void completeServers(OpenAPI openAPI, Config config) {
        List<Server> servers = openAPI.getServers();
        if (servers == null || servers.isEmpty()) {
            int port = config.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
            openAPI.setServers(new ArrayList<>(List.of(OASFactory.createServer().url("http://localhost:" + port)
                    .description(SERVER_DESCRIPTION))));
            return;
        }
        for (Server server : servers) {
            if (server.getDescription() == null || server.getDescription().isBlank()) {
                server.setDescription(SERVER_DESCRIPTION);
            }
        }
    }

    /** Every tag an operation uses is defined once (its description is the resource's {@code @Tag}'s). */
    static void defineTags(OpenAPI openAPI) {
        Map<String, Tag> defined = new LinkedHashMap<>();
        if (openAPI.getTags() != null) {
            for (Tag tag : openAPI.getTags()) {
                defined.putIfAbsent(tag.getName(), tag);
            }
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().stream()
                    .filter(item -> item.getOperations() != null)
                    .flatMap(item -> item.getOperations().values().stream())
                    .map(Operation::getTags)
                    .filter(Objects::nonNull)
                    .flatMap(List::stream)
                    .forEach(name -> defined.computeIfAbsent(name, n -> OASFactory.createTag().name(n)));
        }
        if (!defined.isEmpty()) {
            openAPI.setTags(new ArrayList<>(defined.values()));
        }
    }

    static final String JSON_NODE = "JsonNode";
    static final String JSON_NODE_TYPE = "JsonNodeType";

    /** SmallRye describes com.fasterxml.jackson.databind.JsonNode by its getters; on the wire it is any JSON value. */
    static void freeFormJson(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null) {
            return;
        }
        Schema node = components.getSchemas().get(JSON_NODE);
        if (node == null || node.getProperties() == null || !node.getProperties().containsKey("nodeType")) {
            return;
        }
        components.addSchema(JSON_NODE, OASFactory.createSchema()
                .description("Any JSON value, passed on as given (a Jackson JsonNode in the service)"));
        boolean typeStillUsed = components.getSchemas().entrySet().stream()
                .filter(e -> !e.getKey().equals(JSON_NODE_TYPE))
                .anyMatch(e -> refersTo(e.getValue(), "#/components/schemas/" + JSON_NODE_TYPE, 0));
        if (!typeStillUsed) {
            components.removeSchema(JSON_NODE_TYPE);
        }
    }

    private static boolean refersTo(Schema schema, String ref, int depth) {
        if (schema == null || depth > 32) {
            return false;
        }
        if (ref.equals(schema.getRef())) {
            return true;
        }
        if (schema.getProperties() != null
                && schema.getProperties().values().stream().anyMatch(s -> refersTo(s, ref, depth + 1))) {
            return true;
        }
        return refersTo(schema.getItems(), ref, depth + 1) || refersTo(schema.getAdditionalPropertiesSchema(), ref, depth + 1)
                || (schema.getAllOf() != null && schema.getAllOf().stream().anyMatch(s -> refersTo(s, ref, depth + 1)))
                || (schema.getAnyOf() != null && schema.getAnyOf().stream().anyMatch(s -> refersTo(s, ref, depth + 1)))
                || (schema.getOneOf() != null && schema.getOneOf().stream().anyMatch(s -> refersTo(s, ref, depth + 1)));
    }

    private static Components components(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        return openAPI.getComponents();
    }
}
