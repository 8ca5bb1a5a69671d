package eu.vigie.ingest.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(summary = "Read preserved bytes", description = "Reviewers and issuers of the owning jurisdiction (or of "
            + "a jurisdiction the case is shared with, while the share is active), and auditors, get the bytes with "
            + "their media type; the read is recorded in the chain of custody. A jurisdiction whose share was revoked "
            + "gets 403; anyone else 404.")
    @APIResponse(responseCode = "200", description = "The preserved bytes, as an attachment, with the media type they "
            + "were submitted with (Content-Type) and their SHA-256 (X-Content-SHA256)",
            content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(type = SchemaType.STRING, format = "binary")))
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

    @PUT
    @Path("/{sha256}/shares/{jurisdiction}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Internal: a case holding the evidence was shared", description = "From case-service: while "
            + "the share is active, the reviewers and issuers of that jurisdiction may read the bytes (audited like the "
            + "owner's reads). Idempotent by shareId: the same share again answers the same and records nothing; a new "
            + "share after a revocation makes it active again. Recorded in the chain of custody.")
    @APIResponse(responseCode = "200", description = "The share as recorded",
            content = @Content(schema = @Schema(implementation = ShareView.class)))
    @APIResponse(responseCode = "404", description = "No such evidence")
    public ShareView share(@PathParam("sha256") String sha256, @PathParam("jurisdiction") String jurisdiction,
            @Valid @NotNull ShareRequest request) {
        return ShareView.of(evidence.share(sha256, jurisdiction, request.caseId(), request.shareId(), request.sharedAt(),
                Actor.of(caller)));
    }

    @DELETE
    @Path("/{sha256}/shares/{jurisdiction}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Internal: the share with a jurisdiction was revoked", description = "From case-service: that "
            + "jurisdiction may no longer read the bytes (its readers get 403). Idempotent: 204 whether the share was "
            + "revoked now, earlier, or never existed; recorded in the chain of custody when it was revoked now.")
    @APIResponse(responseCode = "204", description = "No active share remains")
    @APIResponse(responseCode = "404", description = "No such evidence")
    public Response revokeShare(@PathParam("sha256") String sha256, @PathParam("jurisdiction") String jurisdiction) {
        evidence.revoke(sha256, jurisdiction, Actor.of(caller));
        return Response.noContent().build();
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
