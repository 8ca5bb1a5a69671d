package eu.vigie.notify.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;
import eu.vigie.notify.ScrutinyRequest;
import eu.vigie.notify.service.ScrutinyRequestService;

@Path("/api/v1/removal-orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback", description = "Annex II and Annex III answers of platforms to removal orders")
@SecurityRequirement(name = "jwt")
public class ScrutinyRequestResource {

    private final ScrutinyRequestService requests;
    private final Caller caller;

    public ScrutinyRequestResource(ScrutinyRequestService requests, Caller caller) {
        this.requests = requests;
        this.caller = caller;
    }

    @POST
    @Path("/{id}/scrutiny-requests")
    @RolesAllowed(Roles.PLATFORM)
    @Operation(summary = "Ask the home authority to scrutinise a cross-border removal order addressed to the calling "
            + "platform, within 48 hours of its notification; once per order (a replay answers the same receipt)")
    @APIResponse(responseCode = "202", description = "The request is recorded and forwarded; its receipt",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScrutinyRequestReceipt.class)))
    public Response request(@PathParam("id") UUID removalOrderId, @Valid @NotNull ScrutinyRequestBody body) {
        String platformId = caller.requirePlatformId();
        ScrutinyRequest request;
        try {
            request = requests.request(platformId, removalOrderId, body.reasons());
        } catch (PersistenceException e) {
            // The same request sent twice at the same moment: the other one stored it; answer as a replay.
            request = requests.request(platformId, removalOrderId, body.reasons());
        }
        return Response.accepted(ScrutinyRequestReceipt.of(request)).build();
    }
}
