package eu.vigie.ingest.rest;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;
import eu.vigie.ingest.service.Actor;
import eu.vigie.ingest.service.EvidenceService;
import eu.vigie.ingest.service.PreservationService;

@Path("/api/v1/evidence")
@Tag(name = "Evidence", description = "Preserved content bytes, content-addressed by SHA-256, with their chain of custody")
@SecurityRequirement(name = "jwt")
public class EvidenceResource {

    /** The SHA-256 of the bytes answered, for the reader to verify. */
    public static final String CONTENT_SHA256 = "X-Content-SHA256";

    private final EvidenceService evidence;
    private final Caller caller;
    private final PreservationService preservation;

    public EvidenceResource(EvidenceService evidence, Caller caller, PreservationService preservation) {
        this.preservation = preservation;
        this.evidence = evidence;
        this.caller = caller;
    }

    @GET
    @Path("/{sha256}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({ Roles.REVIEWER, Roles.ISSUER, Roles.AUDITOR })
    @Operation(summary = "Read preserved bytes", description = "Reviewers and issuers of the owning jurisdiction, and "
            + "auditors, get the bytes with their media type; the read is recorded in the chain of custody. Anyone "
            + "else gets 404.")
    public Response read(@PathParam("sha256") String sha256) {
        EvidenceService.Content content = evidence.read(sha256, Actor.of(caller));
        return Response.ok(content.bytes())
                .type(content.mediaType())
                .header(CONTENT_SHA256, content.sha256())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "attachment; filename=\"" + content.sha256() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @GET
    @Path("/{sha256}/custody")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REVIEWER, Roles.ISSUER, Roles.AUDITOR })
    @Operation(summary = "Read the chain of custody of preserved bytes", description = "Every submission and every "
            + "read, oldest first; visible to whoever may read the bytes.")
    public List<CustodyEventView> custody(@PathParam("sha256") String sha256) {
        return evidence.custody(sha256, Actor.of(caller)).stream().map(CustodyEventView::of).toList();
    }

    @GET
    @Path("/{sha256}/preservation")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REVIEWER, Roles.ISSUER, Roles.AUDITOR })
    @Operation(summary = "Read how long preserved bytes are kept", description = "The closed case and its retention "
            + "deadline (six months after closure, TCO Art. 6), any legal hold, and the purge once done. Visible to "
            + "reviewers and issuers of the owning jurisdiction and to auditors; 404 otherwise.")
    public PreservationView preservation(@PathParam("sha256") String sha256) {
        return PreservationView.of(preservation.preservation(sha256, Actor.of(caller)));
    }

    @POST
    @Path("/{sha256}/legal-hold")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ISSUER, Roles.AUDITOR })
    @Operation(summary = "Place a legal hold", description = "Keeps the bytes until the given time even after their "
            + "retention deadline; placing it again changes the term and reasons. Issuers of the owning jurisdiction "
            + "and auditors; recorded in the chain of custody. 409 once the bytes are purged.")
    public PreservationView placeLegalHold(@PathParam("sha256") String sha256, @Valid @NotNull LegalHoldRequest request) {
        return PreservationView.of(preservation.placeLegalHold(sha256, request.until(), request.reasons(), Actor.of(caller)));
    }

    @DELETE
    @Path("/{sha256}/legal-hold")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ISSUER, Roles.AUDITOR })
    @Operation(summary = "Release a legal hold", description = "The retention deadline applies again. Issuers of the "
            + "owning jurisdiction and auditors; recorded in the chain of custody. 409 when no hold is in force.")
    public PreservationView releaseLegalHold(@PathParam("sha256") String sha256) {
        return PreservationView.of(preservation.releaseLegalHold(sha256, Actor.of(caller)));
    }

    @POST
    @Path("/{sha256}/case-closed")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Internal: the case of the evidence closed", description = "From case-service: starts the "
            + "preservation period (vigie.ingest.retention-after-case-closed, six months). Idempotent: the same notice "
            + "again answers the same and records nothing; an earlier closing time than the recorded one changes nothing.")
    public PreservationView caseClosed(@PathParam("sha256") String sha256, @Valid @NotNull CaseClosedRequest request) {
        return PreservationView.of(preservation.caseClosed(sha256, request.caseId(), request.closedAt(), Actor.of(caller)));
    }
}
