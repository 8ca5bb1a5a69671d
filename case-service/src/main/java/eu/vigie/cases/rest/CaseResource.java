package eu.vigie.cases.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.vigie.cases.RemovalOrder;
import eu.vigie.cases.service.AuditService;
import eu.vigie.cases.service.CaseClosureService;
import eu.vigie.cases.service.CaseService;
import eu.vigie.cases.service.CaseShareService;
import eu.vigie.cases.service.RemovalOrderService;
import eu.vigie.cases.service.ReviewService;
import eu.vigie.cases.service.Views;
import eu.vigie.cases.service.VoluntaryReferralService;
import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;

@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "One case per piece of content: referrals, classification, assessment, orders, history")
@SecurityRequirement(name = "jwt")
public class CaseResource {

    private final CaseService cases;
    private final ReviewService review;
    private final RemovalOrderService removalOrders;
    private final AuditService audit;
    private final Views views;
    private final Caller caller;
    private final VoluntaryReferralService voluntaryReferrals;
    private final CaseClosureService closure;
    private final CaseShareService shares;

    public CaseResource(CaseService cases, ReviewService review, RemovalOrderService removalOrders,
            AuditService audit, Views views, Caller caller, VoluntaryReferralService voluntaryReferrals,
            CaseClosureService closure, CaseShareService shares) {
        this.closure = closure;
        this.shares = shares;
        this.voluntaryReferrals = voluntaryReferrals;
        this.cases = cases;
        this.review = review;
        this.removalOrders = removalOrders;
        this.audit = audit;
        this.views = views;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.REFERRER, Roles.REVIEWER, Roles.ISSUER, Roles.REGULATOR, Roles.AUDITOR })
    @Operation(summary = "The cases of the caller's jurisdiction (auditors: all), newest first, with cursor pagination")
    public CasePage list(@QueryParam("status") String status, @QueryParam("tier") String tier,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        String jurisdiction = caller.hasRole(Roles.AUDITOR) ? null : caller.requireJurisdiction();
        return cases.list(jurisdiction, status, tier, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REFERRER, Roles.REVIEWER, Roles.ISSUER, Roles.REGULATOR, Roles.AUDITOR })
    @Operation(summary = "A case in full for its owning jurisdiction and auditors; only its existence, owner and status "
            + "for another jurisdiction that referred the same content")
    @APIResponse(responseCode = "200", description = "The case in full (CaseView) for its owning jurisdiction, a "
            + "jurisdiction it is shared with and auditors; only its existence, owner and status (DeconflictionView) "
            + "for another jurisdiction that referred the same content",
            content = @Content(schema = @Schema(anyOf = { CaseView.class, DeconflictionView.class })))
    public Object get(@PathParam("id") UUID id) {
        return cases.get(id);
    }

    @POST
    @Path("/{id}/claim")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Claim a case for review; a claim held by someone else answers 409")
    public CaseSummary claim(@PathParam("id") UUID id) {
        return review.claim(id);
    }

    @POST
    @Path("/{id}/assessment")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Assess a case: TERRORIST_CONTENT (with its Art. 2(7) categories), NOT_TERRORIST_CONTENT or NEEDS_INFORMATION")
    public CaseView assess(@PathParam("id") UUID id, @Valid @NotNull AssessmentRequest request) {
        return views.caseView(review.assess(id, request));
    }

    @POST
    @Path("/{id}/removal-orders")
    @RolesAllowed(Roles.ISSUER)
    @Operation(summary = "Issue a removal order (Annex I) for a case assessed as terrorist content; the issuer must not "
            + "be the assessing reviewer (four eyes)")
    @APIResponse(responseCode = "201", description = "The removal order as issued; Location names it",
            content = @Content(schema = @Schema(implementation = RemovalOrderView.class)))
    public Response issue(@PathParam("id") UUID id, @Valid RemovalOrderRequest request) {
        RemovalOrder order = removalOrders.issue(id, request);
        return Response.created(URI.create("/api/v1/removal-orders/" + order.id)).entity(views.issuedOrderView(order))
                .build();
    }

    @POST
    @Path("/{id}/referrals")
    @RolesAllowed(Roles.ISSUER)
    @Operation(summary = "Refer assessed content to its platform voluntarily (a check against the platform's own "
            + "terms, no legal clock); the issuer must not be the assessing reviewer (four eyes)")
    @APIResponse(responseCode = "201", description = "The voluntary referral as issued",
            content = @Content(schema = @Schema(implementation = VoluntaryReferralView.class)))
    public Response refer(@PathParam("id") UUID id, @Valid VoluntaryReferralRequest request) {
        return Response.status(Response.Status.CREATED).entity(VoluntaryReferralView.of(voluntaryReferrals.issue(id, request)))
                .build();
    }

    @POST
    @Path("/{id}/closure")
    @RolesAllowed({ Roles.REVIEWER, Roles.ISSUER })
    @Operation(summary = "Close a case, with reasons", description = "A case closes only by this explicit act of a "
            + "reviewer or issuer of its owning jurisdiction, and only once nothing is left to do on it: it is assessed "
            + "TERRORIST_CONTENT or NOT_TERRORIST_CONTENT, and every removal order on it is COMPLIED, WITHDRAWN or "
            + "REVOKED (409 otherwise; an OVERDUE order keeps it open). Closing is recorded in the audit trail and "
            + "tells ingest-service, for every SHA-256 of the case's evidence, that its six-month preservation starts. "
            + "A closed case is final: no claim, assessment, order or referral; the same content referred again opens "
            + "a new case.")
    public CaseView close(@PathParam("id") UUID id, @Valid @NotNull ClosureRequest request) {
        return views.caseView(closure.close(id, request.reasons()));
    }

    @POST
    @Path("/{id}/shares")
    @RolesAllowed({ Roles.REVIEWER, Roles.ISSUER })
    @Operation(summary = "Share a case with another jurisdiction, with reasons", description = "By a reviewer or "
            + "issuer of the owning jurisdiction. While the share is active, that jurisdiction's reviewers, issuers and "
            + "regulators read the full case (they cannot act on it) and its reviewers and issuers the evidence at "
            + "ingest-service. Audited. 201 with the new share; 200 with the active share if there already is one.")
    @APIResponse(responseCode = "201", description = "The new share",
            content = @Content(schema = @Schema(implementation = ShareView.class)))
    @APIResponse(responseCode = "200", description = "The share already active with that jurisdiction",
            content = @Content(schema = @Schema(implementation = ShareView.class)))
    public Response share(@PathParam("id") UUID id, @Valid @NotNull ShareRequest request) {
        CaseShareService.Outcome outcome = shares.share(id, request);
        return Response.status(outcome.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(ShareView.of(outcome.share())).build();
    }

    @GET
    @Path("/{id}/shares")
    @RolesAllowed({ Roles.REFERRER, Roles.REVIEWER, Roles.ISSUER, Roles.REGULATOR, Roles.AUDITOR })
    @Operation(summary = "The shares of a case, active and revoked, for those who read the full case")
    public List<ShareView> shares(@PathParam("id") UUID id) {
        return shares.list(id).stream().map(ShareView::of).toList();
    }

    @DELETE
    @Path("/{id}/shares/{jurisdiction}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.REVIEWER, Roles.ISSUER })
    @Operation(summary = "Revoke the active share of a case with a jurisdiction", description = "By a reviewer or "
            + "issuer of the owning jurisdiction; the jurisdiction sees only the deconfliction view again and loses "
            + "the evidence. Audited. 404 when no share with that jurisdiction is active.")
    public ShareView unshare(@PathParam("id") UUID id, @PathParam("jurisdiction") String jurisdiction) {
        return ShareView.of(shares.revoke(id, jurisdiction));
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({ Roles.REFERRER, Roles.REVIEWER, Roles.ISSUER, Roles.REGULATOR, Roles.AUDITOR })
    @Operation(summary = "The audit trail of a case and its orders, in chain order", description = "Each record "
            + "carries previousHash (the global chain) and casePreviousHash (this case's chain). Without verify: the "
            + "list of records. With ?verify=true: an object {records, verification} where verification recomputes "
            + "this case's chain (valid, records, firstBrokenSequence, lastHash). Every read is recorded in the trail "
            + "(AUDIT_TRAIL_READ), after the records it answers.")
    public Object audit(@PathParam("id") UUID id, @QueryParam("verify") String verifyParam) {
        boolean verify;
        if (verifyParam == null || verifyParam.isBlank() || verifyParam.strip().equals("false")) {
            verify = false;
        } else if (verifyParam.strip().equals("true")) {
            verify = true;
        } else {
            throw eu.vigie.common.problem.ProblemException.invalidField("verify", "must be true or false");
        }
        AuditService.CaseTrail trail = audit.ofCase(id, verify);
        return verify ? trail : trail.records();
    }
}
