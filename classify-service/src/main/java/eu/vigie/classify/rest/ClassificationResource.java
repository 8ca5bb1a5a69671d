package eu.vigie.classify.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

import eu.vigie.classify.Classification;
import eu.vigie.classify.service.ClassificationService;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;

@Path("/api/v1/classifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Classifications", description = "Verdicts on referrals: categories, entity, tier, score, routing and the evidence")
@SecurityRequirement(name = "jwt")
public class ClassificationResource {

    private final ClassificationService classifications;
    private final Caller caller;

    public ClassificationResource(ClassificationService classifications, Caller caller) {
        this.classifications = classifications;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Classify a referral; idempotent by referralId: a referral already classified gets its stored verdict")
    public ClassificationView classify(@Valid @NotNull ClassificationRequest request) {
        return classifications.classify(request, caller.subject());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SERVICE, Roles.REVIEWER })
    @Operation(summary = "Read a verdict; a reviewer only one of their jurisdiction's referrals")
    public ClassificationView get(@PathParam("id") String id) {
        Classification classification = classifications.get(BankResource.uuid(id));
        requireVisible(classification, id);
        return classifications.view(classification);
    }

    @GET
    @RolesAllowed({ Roles.SERVICE, Roles.REVIEWER })
    @Operation(summary = "Find the verdict on a referral: a list of zero or one")
    public List<ClassificationView> findByReferral(@QueryParam("referralId") String referralId) {
        if (referralId == null || referralId.isBlank()) {
            throw ProblemException.invalidField("referralId", "is required");
        }
        UUID id;
        try {
            id = UUID.fromString(referralId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("referralId", "must be a UUID");
        }
        return classifications.findByReferral(id).filter(this::visible).map(classifications::view).stream().toList();
    }

    private void requireVisible(Classification classification, String id) {
        if (!visible(classification)) {
            throw ProblemException.notFound("Classification " + id);
        }
    }

    /**
     * Services read every verdict; a reviewer only verdicts on referrals of their own jurisdiction,
     * which needs the sender to have stated it: without it, reviewers read verdicts through case-service.
     */
    private boolean visible(Classification classification) {
        if (caller.hasRole(Roles.SERVICE)) {
            return true;
        }
        return classification.jurisdiction != null
                && classification.jurisdiction.equals(caller.jurisdiction().orElse(null));
    }
}
