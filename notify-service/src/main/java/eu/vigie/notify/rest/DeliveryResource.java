package eu.vigie.notify.rest;

import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;
import eu.vigie.notify.DeliveryStatus;
import eu.vigie.notify.service.DeliveryQueryService;

@Path("/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deliveries", description = "Proof of delivery: every attempt, status and receipt time")
@SecurityRequirement(name = "jwt")
public class DeliveryResource {

    private final DeliveryQueryService deliveries;
    private final Caller caller;

    public DeliveryResource(DeliveryQueryService deliveries, Caller caller) {
        this.deliveries = deliveries;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.AUDITOR, Roles.SERVICE, Roles.ISSUER, Roles.REGULATOR })
    @Operation(summary = "Deliveries with every attempt; issuers and regulators see only their jurisdiction's")
    public Page<DeliveryView> list(@QueryParam("subjectId") String subjectId, @QueryParam("platformId") String platformId,
            @QueryParam("status") String status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        boolean operator = caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.AUDITOR) || caller.hasRole(Roles.SERVICE);
        Optional<String> jurisdiction = operator ? Optional.empty() : Optional.of(caller.requireJurisdiction());
        return deliveries.search(parseSubject(subjectId), Optional.ofNullable(platformId).filter(p -> !p.isBlank()),
                parseStatus(status), jurisdiction, cursor, limit);
    }

    private static Optional<UUID> parseSubject(String subjectId) {
        if (subjectId == null || subjectId.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(subjectId));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("subjectId", "must be a UUID");
        }
    }

    private static Optional<DeliveryStatus> parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DeliveryStatus.valueOf(status));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "must be one of PENDING, SENT, DELIVERED, DEAD");
        }
    }
}
