package eu.vigie.notify.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;
import eu.vigie.notify.service.InboxService;

@Path("/api/v1/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox", description = "A platform's pull inbox of what is addressed to it")
@SecurityRequirement(name = "jwt")
public class InboxResource {

    private final InboxService inbox;
    private final Caller caller;

    public InboxResource(InboxService inbox, Caller caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.PLATFORM)
    @Operation(summary = "The calling platform's inbox, oldest first; unacknowledged=true leaves out acknowledged items")
    public Page<InboxItemView> list(@QueryParam("unacknowledged") @DefaultValue("false") boolean unacknowledged,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return inbox.page(caller.requirePlatformId(), cursor, unacknowledged, limit);
    }

    @POST
    @Path("/{id}/ack")
    @RolesAllowed(Roles.PLATFORM)
    @Operation(summary = "Acknowledge an inbox item (idempotent); the first acknowledgement is a receipt if the webhook gave none")
    public InboxItemView acknowledge(@PathParam("id") UUID id) {
        return inbox.acknowledge(caller.requirePlatformId(), id);
    }
}
