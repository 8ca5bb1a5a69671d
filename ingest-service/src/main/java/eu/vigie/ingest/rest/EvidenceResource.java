package eu.vigie.ingest.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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

@Path("/api/v1/evidence")
@Tag(name = "Evidence", description = "Preserved content bytes, content-addressed by SHA-256, with their chain of custody")
@SecurityRequirement(name = "jwt")
public class EvidenceResource {

    /** The SHA-256 of the bytes answered, for the reader to verify. */
    public static final String CONTENT_SHA256 = "X-Content-SHA256";

    private final EvidenceService evidence;
    private final Caller caller;

    public EvidenceResource(EvidenceService evidence, Caller caller) {
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
}
