package eu.vigie.classify.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.vigie.classify.config.ClassifyConfig;
import eu.vigie.classify.service.DesignationService;
import eu.vigie.classify.service.TextIndicatorScanner;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;
import eu.vigie.common.vocabulary.Category;

@Path("/api/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators", description = "Phrases indicating the Art. 2(7) categories, and the text scan")
@SecurityRequirement(name = "jwt")
public class IndicatorResource {

    private final DesignationService designations;
    private final TextIndicatorScanner scanner;
    private final ClassifyConfig config;
    private final Caller caller;

    public IndicatorResource(DesignationService designations, TextIndicatorScanner scanner, ClassifyConfig config,
            Caller caller) {
        this.designations = designations;
        this.scanner = scanner;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.REVIEWER })
    @Operation(summary = "List the category indicators, optionally of one category or language")
    public List<IndicatorView> list(@QueryParam("category") Category category, @QueryParam("language") String language) {
        return designations.listIndicators(category, language).stream().map(IndicatorView::of).toList();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a category indicator phrase")
    @APIResponse(responseCode = "201", description = "The indicator as added; Location names the list of its category",
            content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    public Response create(@Valid @NotNull IndicatorRequest request) {
        IndicatorView created = IndicatorView.of(designations.addIndicator(request, caller.subject()));
        return Response.created(URI.create("/api/v1/indicators?category=" + created.category())).entity(created).build();
    }

    @POST
    @Path("/scan")
    @RolesAllowed({ Roles.REVIEWER, Roles.SERVICE, Roles.ADMIN })
    @Operation(summary = "Find designated entities and category indicators in a text, with spans and explanations; stores nothing")
    public ScanResponse scan(@Valid @NotNull ScanRequest request) {
        if (request.text().length() > config.maxTextLength()) {
            throw ProblemException.tooLarge("Field 'text' is longer than " + config.maxTextLength() + " characters");
        }
        return new ScanResponse(scanner.scan(request.text()).stream().map(TextIndicatorScanner.Hit::indicator).toList());
    }
}
