package eu.vigie.notify.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.PersistenceException;
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

import eu.vigie.common.security.Roles;
import eu.vigie.notify.Notification;
import eu.vigie.notify.service.NotificationService;

@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "Internal: what the other services ask notify-service to deliver to platforms")
@SecurityRequirement(name = "jwt")
public class NotificationResource {

    private final NotificationService notifications;

    public NotificationResource(NotificationService notifications) {
        this.notifications = notifications;
    }

    @POST
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Deliver a notification to a platform (always its inbox, and its webhook if it has one, else its e-mail) "
            + "or to an authority (its webhook if configured, else its e-mail); idempotent by id")
    @APIResponse(responseCode = "202", description = "Accepted for delivery (a replay of the same id answers the same)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotificationAccepted.class)))
    public Response notify(@Valid @NotNull NotificationRequest request) {
        Notification notification;
        try {
            notification = notifications.accept(request);
        } catch (PersistenceException e) {
            // The same id sent twice at the same moment: the other request stored it; answer as a replay.
            if (notifications.find(request.id()).isEmpty()) {
                throw e;
            }
            notification = notifications.accept(request);
        }
        return Response.accepted(NotificationAccepted.of(notification)).build();
    }
}
