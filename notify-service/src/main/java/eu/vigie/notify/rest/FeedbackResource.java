package eu.vigie.notify.rest;

import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
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
import eu.vigie.notify.Feedback;
import eu.vigie.notify.service.FeedbackService;

@Path("/api/v1/removal-orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback", description = "Annex II and Annex III answers of platforms to removal orders")
@SecurityRequirement(name = "jwt")
public class FeedbackResource {

    private final FeedbackService feedbacks;
    private final Caller caller;

    public FeedbackResource(FeedbackService feedbacks, Caller caller) {
        this.feedbacks = feedbacks;
        this.caller = caller;
    }

    @POST
    @Path("/{id}/feedback")
    @RolesAllowed(Roles.PLATFORM)
    @Operation(summary = "Answer a removal order addressed to the calling platform with Annex II or Annex III; "
            + "an Idempotency-Key makes a replay answer the same receipt")
    @APIResponse(responseCode = "202", description = "The feedback is recorded; its receipt",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackReceipt.class)))
    public Response submit(@PathParam("id") UUID removalOrderId,
            @HeaderParam("Idempotency-Key") @Pattern(regexp = "[\\x21-\\x7e]{1,200}", message = "must be 1 to 200 printable ASCII characters") String idempotencyKey,
            @Valid @NotNull FeedbackRequest request) {
        String platformId = caller.requirePlatformId();
        Optional<String> key = Optional.ofNullable(idempotencyKey);
        Feedback feedback;
        try {
            feedback = feedbacks.submit(platformId, removalOrderId, request, key);
        } catch (PersistenceException e) {
            if (key.isEmpty()) {
                throw e;
            }
            // The same key sent twice at the same moment: the other request stored it; answer as a replay.
            feedback = feedbacks.submit(platformId, removalOrderId, request, key);
        }
        return Response.accepted(FeedbackReceipt.of(feedback)).build();
    }
}
