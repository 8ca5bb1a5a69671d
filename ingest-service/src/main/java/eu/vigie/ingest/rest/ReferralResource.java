package eu.vigie.ingest.rest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;
import eu.vigie.ingest.ReferralStatus;
import eu.vigie.ingest.service.Actor;
import eu.vigie.ingest.service.BatchSubmission;
import eu.vigie.ingest.service.ReferralCursor;
import eu.vigie.ingest.service.ReferralService;

@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals", description = "The front door for referral units: report content, follow what became of it")
@SecurityRequirement(name = "jwt")
public class ReferralResource {

    /** The request header that makes a submission safe to repeat. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Set on the answer to a replay of an earlier submission. */
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    /** Newline-delimited JSON: one object a line. */
    public static final String NDJSON = "application/x-ndjson";

    private final ReferralService referrals;
    private final BatchSubmission batches;
    private final ObjectMapper mapper;
    private final Caller caller;

    public ReferralResource(ReferralService referrals, BatchSubmission batches, ObjectMapper mapper, Caller caller) {
        this.referrals = referrals;
        this.batches = batches;
        this.mapper = mapper;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.REFERRER)
    @Operation(summary = "Submit a referral", description = "Validates it, canonicalises its URL, identifies the "
            + "platform, stores its content as evidence and hands it durably to classification. With an "
            + "Idempotency-Key, repeating the same body answers the original result and creates nothing; the same "
            + "key with another body is 422.")
    @APIResponse(responseCode = "201", description = "Accepted (or a replay of an earlier acceptance)",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "413", description = "The inline content is larger than vigie.ingest.max-media-bytes")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body, or unknown platformId")
    public Response submit(
            @Parameter(description = "Makes the submission safe to repeat (per caller, at most 255 characters)")
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Valid @NotNull ReferralRequest request) {
        String key = idempotencyKey(idempotencyKey, 255);
        ReferralService.Submission result = referrals.submit(request, key, Actor.of(caller));
        Response.ResponseBuilder answer = Response.status(result.status())
                .location(URI.create("/api/v1/referrals/" + result.referralId()))
                .type(MediaType.APPLICATION_JSON)
                .entity(result.body());
        if (result.replayed()) {
            answer.header(IDEMPOTENT_REPLAYED, "true");
        }
        return answer.build();
    }

    @POST
    @Path("/batch")
    @Consumes(NDJSON)
    @Produces(NDJSON)
    @RolesAllowed(Roles.REFERRER)
    @Operation(summary = "Submit many referrals", description = "One referral object a line (application/x-ndjson); "
            + "each is submitted as POST /api/v1/referrals would, and answered by one result line "
            + "{line, status, referral | problem}. With an Idempotency-Key, line n uses the key <key>#<n>, so the "
            + "same batch sent again answers its original results and creates nothing. At most "
            + "vigie.ingest.batch-max-lines referrals a batch.")
    @APIResponse(responseCode = "200", description = "One result a line, in the order of the lines",
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = BatchResult.class)))
    public Response batch(
            @Parameter(description = "Makes the batch safe to repeat (per caller, at most 240 characters)")
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            InputStream body) throws IOException {
        String key = idempotencyKey(idempotencyKey, 240);
        Actor actor = Actor.of(caller);
        // Refused before the answer starts, so that a caller who may not submit gets a plain 403.
        batches.checkMaySubmit(actor);
        // Streamed: a line is read, submitted and its result written before the next line is read.
        StreamingOutput results = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            batches.submit(body, key, actor, "/api/v1/referrals/batch", result -> {
                try {
                    writer.write(mapper.writeValueAsString(result));
                    writer.write('\n');
                    writer.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException("The batch's reader went away", e);
                }
            });
            writer.flush();
        };
        return Response.ok(results).type(NDJSON).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REFERRER, Roles.REVIEWER, Roles.ISSUER, Roles.AUDITOR })
    @Operation(summary = "Read a referral", description = "Referrers see their own agency's referrals, reviewers "
            + "and issuers those of their jurisdiction, auditors all; any other referral is 404.")
    public ReferralView get(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Referral " + id);
        }
        return ReferralView.of(referrals.get(uuid, Actor.of(caller)));
    }

    @GET
    @RolesAllowed({ Roles.REFERRER, Roles.REVIEWER, Roles.ISSUER, Roles.AUDITOR })
    @Operation(summary = "List referrals", description = "The referrals the caller may see, oldest first, "
            + "a page at a time: pass the answer's nextCursor as cursor for the next page.")
    public ReferralPage list(
            @Parameter(description = "ACCEPTED, CLASSIFIED or CASE_OPENED") @QueryParam("status") String status,
            @Parameter(description = "Only referrals of this platform") @QueryParam("platformId") String platformId,
            @Parameter(description = "Only referrals submitted at or after this time (ISO-8601)") @QueryParam("since") String since,
            @Parameter(description = "Only referrals of this agency (as named in its officers' tokens, e.g. CTIRU)") @QueryParam("agency") String agency,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "Where to continue: the nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        ReferralService.Filter filter = new ReferralService.Filter(status(status), blankToNull(platformId), since(since),
                agency(agency));
        int size = limit(limit);
        ReferralCursor after = cursor(cursor);
        ReferralService.Page page = referrals.list(filter, after, size, Actor.of(caller));
        return new ReferralPage(page.items().stream().map(ReferralView::of).toList(),
                page.more() ? ReferralCursor.after(page.last()).encode() : null);
    }

    private static String idempotencyKey(String header, int maxLength) {
        String key = header == null || header.isBlank() ? null : header.strip();
        if (key != null && (key.length() > maxLength || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw ProblemException.invalidField(IDEMPOTENCY_KEY, "must be 1 to " + maxLength + " visible ASCII characters");
        }
        return key;
    }

    private static ReferralStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ReferralStatus.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "must be one of " + Arrays.stream(ReferralStatus.values())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static Instant since(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("since", "must be an ISO-8601 date-time in UTC, such as 2026-01-31T12:00:00Z");
        }
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static ReferralCursor cursor(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ReferralCursor.decode(text.strip());
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this service issued");
        }
    }

    private static String agency(String text) {
        String agency = blankToNull(text);
        if (agency != null && (agency.length() > 100 || !agency.chars().allMatch(c -> c >= 0x20 && c != 0x7f))) {
            throw ProblemException.invalidField("agency", "must be 1 to 100 characters without control characters");
        }
        return agency;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
