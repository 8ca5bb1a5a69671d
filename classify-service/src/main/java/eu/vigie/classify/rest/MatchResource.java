package eu.vigie.classify.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.vigie.classify.service.MatchService;
import eu.vigie.common.security.Roles;

@Path("/api/v1/matches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Matching", description = "Match signals against the enabled banks")
@SecurityRequirement(name = "jwt")
public class MatchResource {

    private final MatchService matcher;

    public MatchResource(MatchService matcher) {
        this.matcher = matcher;
    }

    @POST
    @RolesAllowed({ Roles.REVIEWER, Roles.SERVICE, Roles.ADMIN })
    @Operation(summary = "Match one value: exact for MD5 and SHA256, within maxDistance (default 31) for PDQ")
    public MatchResponse match(@Valid @NotNull MatchRequest request) {
        return new MatchResponse(matcher.match(request.signalType(), request.value(), request.maxDistance()));
    }

    @POST
    @Path("/batch")
    @RolesAllowed({ Roles.REVIEWER, Roles.SERVICE, Roles.ADMIN })
    @Operation(summary = "Match up to 1,000 values of one signal type: one result per value, in order")
    public BatchMatchResponse batch(@Valid @NotNull BatchMatchRequest request) {
        List<List<SignalMatch>> found = matcher.matchAll(request.signalType(), request.values(), request.maxDistance());
        List<BatchMatchResponse.Result> results = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            results.add(new BatchMatchResponse.Result(request.values().get(i).toLowerCase(java.util.Locale.ROOT),
                    found.get(i)));
        }
        return new BatchMatchResponse(results);
    }
}
