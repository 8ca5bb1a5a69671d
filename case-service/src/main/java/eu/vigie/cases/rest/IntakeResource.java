package eu.vigie.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.vigie.cases.service.IntakeService;
import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;

@Path("/api/v1/intake/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Intake", description = "Internal: referrals handed over by ingest-service")
@SecurityRequirement(name = "jwt")
public class IntakeResource {

    private final IntakeService intake;
    private final Caller caller;

    public IntakeResource(IntakeService intake, Caller caller) {
        this.intake = intake;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Attach a referral to the case of its content, opening one if none exists; idempotent by referralId")
    @APIResponse(responseCode = "201", description = "The referral opened a new case (created: true); a replay of "
            + "that referral answers the same", content = @Content(schema = @Schema(implementation = IntakeAnswer.class)))
    @APIResponse(responseCode = "200", description = "The referral was attached to the existing case of its content "
            + "(created: false); a replay of that referral answers the same",
            content = @Content(schema = @Schema(implementation = IntakeAnswer.class)))
    public Response take(@Valid @NotNull IntakeRequest request) {
        IntakeAnswer answer = intake.intake(request, caller.subject());
        return Response.status(answer.created() ? Response.Status.CREATED : Response.Status.OK).entity(answer).build();
    }
}
