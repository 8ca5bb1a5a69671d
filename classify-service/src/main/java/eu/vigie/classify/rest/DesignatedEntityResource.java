package eu.vigie.classify.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.vigie.classify.DesignationList;
import eu.vigie.classify.service.DesignationService;
import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;

@Path("/api/v1/designated-entities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Designated entities", description = "Proscribed and listed organisations and the names they are known by")
@SecurityRequirement(name = "jwt")
public class DesignatedEntityResource {

    private final DesignationService designations;
    private final Caller caller;

    public DesignatedEntityResource(DesignationService designations, Caller caller) {
        this.designations = designations;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.REVIEWER })
    @Operation(summary = "List the designated entities with their aliases and lists, or only those on one list")
    public List<EntityView> list(@Parameter(description = "Only the entities on this list",
            schema = @Schema(implementation = DesignationList.class)) @QueryParam("list") String list) {
        DesignationList only = list == null ? null : DesignationList.parse(list, "list");
        return designations.listEntities(only).stream().map(EntityView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.REVIEWER })
    @Operation(summary = "Describe one designated entity")
    public EntityView get(@PathParam("id") String id) {
        return EntityView.of(designations.getEntity(BankResource.uuid(id)));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a designated entity with its aliases; its name is matched too")
    @APIResponse(responseCode = "201", description = "The designated entity as created, with its aliases; Location "
            + "names it", content = @Content(schema = @Schema(implementation = EntityView.class)))
    public Response create(@Valid @NotNull EntityRequest request) {
        EntityView created = EntityView.of(designations.createEntity(request, caller.subject()));
        return Response.created(URI.create("/api/v1/designated-entities/" + created.id())).entity(created).build();
    }

    @POST
    @Path("/{id}/aliases")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add an alias to a designated entity")
    @APIResponse(responseCode = "201", description = "The designated entity with the alias added",
            content = @Content(schema = @Schema(implementation = EntityView.class)))
    public Response addAlias(@PathParam("id") String id, @Valid @NotNull AliasRequest request) {
        EntityView entity = EntityView.of(designations.addAlias(BankResource.uuid(id), request, caller.subject()));
        return Response.status(Response.Status.CREATED).entity(entity).build();
    }

    @POST
    @Path("/{id}/listings")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Put a designated entity on a designation list (409 if it is already on it)")
    @APIResponse(responseCode = "201", description = "The designated entity with the listing added",
            content = @Content(schema = @Schema(implementation = EntityView.class)))
    public Response addListing(@PathParam("id") String id, @Valid @NotNull ListingRequest request) {
        EntityView entity = EntityView.of(designations.addListing(BankResource.uuid(id), request, caller.subject()));
        return Response.status(Response.Status.CREATED).entity(entity).build();
    }

    @DELETE
    @Path("/{id}/listings/{list}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Take a designated entity off a designation list (404 if it is not on it)")
    @APIResponse(responseCode = "200", description = "The designated entity without the listing",
            content = @Content(schema = @Schema(implementation = EntityView.class)))
    public EntityView removeListing(@PathParam("id") String id,
            @Parameter(description = "The list", schema = @Schema(implementation = DesignationList.class))
            @PathParam("list") String list) {
        DesignationList designationList = DesignationList.parse(list, "list");
        return EntityView.of(designations.removeListing(BankResource.uuid(id), designationList, caller.subject()));
    }
}
