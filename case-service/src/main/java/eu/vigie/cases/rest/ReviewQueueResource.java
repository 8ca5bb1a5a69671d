package eu.vigie.cases.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.vigie.cases.service.ReviewService;
import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;

@Path("/api/v1/review-queue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Review", description = "Cases waiting for assessment")
@SecurityRequirement(name = "jwt")
public class ReviewQueueResource {

    private final ReviewService review;
    private final Caller caller;

    public ReviewQueueResource(ReviewService review, Caller caller) {
        this.review = review;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "The caller's jurisdiction's cases waiting for review: most urgent tier first, then highest "
            + "score, then oldest")
    public List<CaseSummary> queue(@QueryParam("limit") String limit) {
        return review.queue(caller.requireJurisdiction(), limit);
    }
}
