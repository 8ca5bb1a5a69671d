package eu.vigie.classify.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.vigie.classify.BankSignal;
import eu.vigie.classify.CurationFlag;
import eu.vigie.classify.HashBank;
import eu.vigie.classify.service.BankService;
import eu.vigie.classify.service.CurationService;
import eu.vigie.classify.service.SignalBatchService;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;

@Path("/api/v1/banks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Hash banks", description = "Banks of signals (PDQ, MD5, SHA-256) of known terrorist content")
@SecurityRequirement(name = "jwt")
public class BankResource {

    /** Newline-delimited JSON, one object a line. */
    public static final String NDJSON = "application/x-ndjson";

    private final BankService banks;
    private final SignalBatchService batches;
    private final CurationService curation;
    private final Caller caller;

    public BankResource(BankService banks, SignalBatchService batches, CurationService curation, Caller caller) {
        this.banks = banks;
        this.curation = curation;
        this.batches = batches;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.REVIEWER })
    @Operation(summary = "List the hash banks")
    public List<BankView> list() {
        return banks.list().stream().map(this::view).toList();
    }

    @GET
    @Path("/{name}")
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.REVIEWER })
    @Operation(summary = "Describe one hash bank")
    public BankView get(@PathParam("name") String name) {
        return view(banks.get(name));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a hash bank")
    @APIResponse(responseCode = "201", description = "The bank as created; Location names it",
            content = @Content(schema = @Schema(implementation = BankView.class)))
    public Response create(@Valid @NotNull BankRequest request) {
        BankView created = view(banks.create(request, caller.subject()));
        return Response.created(URI.create("/api/v1/banks/" + created.name())).entity(created).build();
    }

    @PUT
    @Path("/{name}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Enable or disable a hash bank (a disabled bank matches nothing), or change its description")
    public BankView update(@PathParam("name") String name, @Valid @NotNull BankUpdate request) {
        return view(banks.update(name, request, caller.subject()));
    }

    @POST
    @Path("/{name}/signals")
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Add a signal to a bank; idempotent on (bank, signalType, value): 201 when added, 200 with the existing signal")
    @APIResponse(responseCode = "201", description = "The signal as added; Location names it",
            content = @Content(schema = @Schema(implementation = SignalView.class)))
    @APIResponse(responseCode = "200", description = "The bank already holds this signal: the existing one, unchanged",
            content = @Content(schema = @Schema(implementation = SignalView.class)))
    public Response addSignal(@PathParam("name") String name, @Valid @NotNull SignalRequest request) {
        BankService.SignalAdded added = banks.addSignal(name, request, caller.subject());
        // A signal just added has no curation flags yet: only an existing one's are read.
        SignalView view = SignalView.of(added.signal(),
                added.created() ? List.of() : curation.ofSignal(added.signal().id));
        if (added.created()) {
            return Response.created(URI.create("/api/v1/banks/" + name + "/signals/" + view.id())).entity(view).build();
        }
        return Response.ok(view).build();
    }

    @POST
    @Path("/{name}/signals/batch")
    @Consumes(NDJSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Add signals in bulk: NDJSON, one signal object a line (the shape of a single add), each idempotent;"
            + " answers what was created, what existed and which lines were refused")
    public SignalBatchResult addSignals(@PathParam("name") String name, InputStream body) throws IOException {
        return batches.importSignals(name, body, caller.subject());
    }

    @GET
    @Path("/{name}/signals/export")
    @Produces(NDJSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Stream the bank's enabled signals as NDJSON, in the format the batch add takes")
    @APIResponse(responseCode = "200", description = "The enabled signals, streamed, one JSON object a line (NDJSON): "
            + "signalType, value, labels and source, the shape the batch add takes, plus curationFlags when the "
            + "signal has open curation flags",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response exportSignals(@PathParam("name") String name) {
        banks.get(name);
        StreamingOutput stream = out -> batches.exportSignals(name, out);
        return Response.ok(stream, NDJSON).build();
    }

    @GET
    @Path("/{name}/signals/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.REVIEWER })
    @Operation(summary = "Describe one signal of a bank")
    public SignalView getSignal(@PathParam("name") String name, @PathParam("id") String id) {
        BankSignal signal = banks.getSignal(name, uuid(id));
        return SignalView.of(signal, curation.ofSignal(signal.id));
    }

    @PUT
    @Path("/{name}/signals/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Enable or disable one signal (a disabled signal matches nothing)")
    public SignalView updateSignal(@PathParam("name") String name, @PathParam("id") String id,
            @Valid @NotNull SignalUpdate request) {
        BankSignal signal = banks.setSignalEnabled(name, uuid(id), request.enabled(), caller.subject());
        return SignalView.of(signal, curation.ofSignal(signal.id));
    }

    @GET
    @Path("/{name}/signals")
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE, Roles.REVIEWER })
    @Operation(summary = "List a bank's signals in id order, a page at a time, with their curation flags;"
            + " flagged=true: only signals with an open curation flag (a curator's work list), flagged=false: only"
            + " those without; after: the last id of the previous page; limit 1-1000, 100 by default")
    public List<SignalView> listSignals(@PathParam("name") String name, @QueryParam("flagged") String flagged,
            @QueryParam("after") String after, @QueryParam("limit") @DefaultValue("100") String limit) {
        Boolean onlyFlagged = switch (flagged == null ? "" : flagged) {
            case "" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalidField("flagged", "must be true or false");
        };
        UUID from = null;
        if (after != null && !after.isBlank()) {
            try {
                from = UUID.fromString(after);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("after", "must be a signal id (UUID)");
            }
        }
        int size;
        try {
            size = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("limit", "must be a whole number from 1 to 1000");
        }
        if (size < 1 || size > 1000) {
            throw ProblemException.invalidField("limit", "must be a whole number from 1 to 1000");
        }
        List<BankSignal> page = banks.signalPage(name, onlyFlagged, from, size);
        Map<UUID, List<CurationFlag>> flags = curation.ofSignals(page.stream().map(s -> s.id).toList(), false);
        return page.stream().map(s -> SignalView.of(s, flags.getOrDefault(s.id, List.of()))).toList();
    }

    @POST
    @Path("/{name}/signals/{id}/curation-flags")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Receive a curation flag from case-service (a reviewer assessed content matching this signal"
            + " as not terrorist content); idempotent by flagId: 201 when received, 200 with the same flag on a"
            + " replay, 409 when the flagId was received for another signal or case. The signal stays enabled.")
    @APIResponse(responseCode = "201", description = "The flag as received; Location names it",
            content = @Content(schema = @Schema(implementation = CurationFlagView.class)))
    @APIResponse(responseCode = "200", description = "A replay of a flag already received: the same flag",
            content = @Content(schema = @Schema(implementation = CurationFlagView.class)))
    public Response flagSignal(@PathParam("name") String name, @PathParam("id") String id,
            @Valid @NotNull CurationFlagRequest request) {
        CurationService.Received received = curation.receive(name, uuid(id), request, caller.subject());
        CurationFlagView view = CurationFlagView.of(received.flag());
        if (received.created()) {
            return Response.created(URI.create("/api/v1/banks/" + name + "/signals/" + id + "/curation-flags/"
                    + view.flagId())).entity(view).build();
        }
        return Response.ok(view).build();
    }

    @POST
    @Path("/{name}/signals/{id}/curation-flags/{flagId}/clear")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Clear a curation flag, with the curator's note (audited); clearing a cleared flag changes"
            + " nothing. To stop the signal matching, disable it (PUT the signal).")
    public CurationFlagView clearFlag(@PathParam("name") String name, @PathParam("id") String id,
            @PathParam("flagId") String flagId, @Valid @NotNull CurationClearRequest request) {
        return CurationFlagView.of(curation.clear(name, uuid(id), uuid(flagId), request.note(), caller.subject()));
    }

    private BankView view(HashBank bank) {
        return BankView.of(bank, banks.signalCount(bank.name));
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Resource " + id);
        }
    }
}
