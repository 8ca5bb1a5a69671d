package eu.vigie.classify.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.vigie.classify.HashBank;
import eu.vigie.classify.service.BankService;
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
    private final Caller caller;

    public BankResource(BankService banks, SignalBatchService batches, Caller caller) {
        this.banks = banks;
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
    public Response addSignal(@PathParam("name") String name, @Valid @NotNull SignalRequest request) {
        BankService.SignalAdded added = banks.addSignal(name, request, caller.subject());
        SignalView view = SignalView.of(added.signal());
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
        return SignalView.of(banks.getSignal(name, uuid(id)));
    }

    @PUT
    @Path("/{name}/signals/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Enable or disable one signal (a disabled signal matches nothing)")
    public SignalView updateSignal(@PathParam("name") String name, @PathParam("id") String id,
            @Valid @NotNull SignalUpdate request) {
        return SignalView.of(banks.setSignalEnabled(name, uuid(id), request.enabled(), caller.subject()));
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
