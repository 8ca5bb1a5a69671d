package eu.vigie.notify.rest;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;
import eu.vigie.notify.service.PlatformService;

@Path("/api/v1/platforms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Platforms", description = "The registry of hosting service providers")
@SecurityRequirement(name = "jwt")
public class PlatformResource {

    private final PlatformService platforms;
    private final Caller caller;

    public PlatformResource(PlatformService platforms, Caller caller) {
        this.platforms = platforms;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "List the registered platforms, or find the one serving a hostname (subdomains included)")
    public List<PlatformView> list(@QueryParam("hostname") String hostname) {
        return platforms.list(Optional.ofNullable(hostname).filter(h -> !h.isBlank())).stream().map(PlatformView::of)
                .toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.PLATFORM })
    @Operation(summary = "Describe one platform; a platform may read only its own entry")
    public PlatformView get(@PathParam("id") String id) {
        if (caller.hasRole(Roles.PLATFORM) && !caller.hasRole(Roles.ADMIN)
                && !id.equals(caller.platformId().orElse(null))) {
            throw ProblemException.notFound("Platform " + id);
        }
        return PlatformView.of(platforms.get(id));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a platform")
    @APIResponse(responseCode = "201", description = "The platform as registered; Location names it",
            content = @Content(schema = @Schema(implementation = PlatformView.class)))
    public Response register(@Valid @NotNull PlatformRequest request) {
        PlatformView created = PlatformView.of(platforms.register(request));
        return Response.created(URI.create("/api/v1/platforms/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Update a platform; a missing webhookSecret keeps the current one")
    public PlatformView update(@PathParam("id") String id, @Valid @NotNull PlatformRequest request) {
        return PlatformView.of(platforms.update(id, request));
    }

    @POST
    @Path("/{id}/webhook-secret")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rotate a platform's webhook secret; the previous one keeps signing during the overlap (default 86400 s)")
    public PlatformView rotateWebhookSecret(@PathParam("id") String id, @Valid @NotNull WebhookSecretRotation request) {
        long overlap = request.overlapSeconds() == null ? WebhookSecretRotation.DEFAULT_OVERLAP_SECONDS
                : request.overlapSeconds();
        return PlatformView.of(platforms.rotateWebhookSecret(id, request.secret(), java.time.Duration.ofSeconds(overlap)));
    }
}
