package eu.vigie.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.vigie.cases.service.AuditService;
import eu.vigie.cases.service.AuditTrail;
import eu.vigie.common.security.Roles;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The hash-chained audit trail")
@SecurityRequirement(name = "jwt")
public class AuditResource {

    private final AuditService audit;

    public AuditResource(AuditService audit) {
        this.audit = audit;
    }

    @GET
    @Path("/verify")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Recompute the whole trail: the global chain and every case's chain", description = "valid is "
            + "true when both hold; firstBrokenSequence is the global chain's first broken link (a gap, a wrong "
            + "predecessor hash, or a record that no longer hashes to what it says), caseChains.firstBrokenSequence and "
            + "caseChains.firstBrokenCaseId the case chains' first. The verification is itself recorded.")
    public AuditTrail.Verification verify() {
        return audit.verify();
    }
}
