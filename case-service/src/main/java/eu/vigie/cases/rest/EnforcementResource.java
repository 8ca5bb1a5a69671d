package eu.vigie.cases.rest;

import java.net.URI;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.cases.EnforcementProceeding;
import eu.vigie.cases.service.EnforcementService;
import eu.vigie.common.security.Roles;

@Path("/api/v1/enforcement-proceedings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Enforcement", description = "A regulator's proceedings against a platform, on the evidence case-service holds")
@SecurityRequirement(name = "jwt")
public class EnforcementResource {

    private final EnforcementService enforcement;
    private final ObjectMapper mapper;

    public EnforcementResource(EnforcementService enforcement, ObjectMapper mapper) {
        this.enforcement = enforcement;
        this.mapper = mapper;
    }

    @POST
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "Open a proceeding against a platform in the regulator's jurisdiction", description = "The "
            + "evidence pack is assembled by case-service: every order of the jurisdiction to the platform (signed "
            + "Annex I document, proof of delivery, Annex II / III feedback, timeline from the audit trail), the "
            + "Annex III reasons given, and the breaches of the twelve months before opening. It is frozen at opening "
            + "and its SHA-256 recorded (evidenceHash). 422 when no order of the jurisdiction reached the platform.")
    @APIResponse(responseCode = "201", description = "The proceeding as opened, with its frozen evidence pack; "
            + "Location names it", content = @Content(schema = @Schema(implementation = ProceedingView.class)))
    public Response open(@Valid @NotNull OpenProceedingRequest request) {
        EnforcementProceeding p = enforcement.open(request);
        return Response.created(URI.create("/api/v1/enforcement-proceedings/" + p.id)).entity(view(p, true)).build();
    }

    @GET
    @RolesAllowed({ Roles.REGULATOR, Roles.AUDITOR })
    @Operation(summary = "The proceedings of the regulator's jurisdiction (an auditor: all), newest first, without packs")
    public List<ProceedingView> list() {
        return enforcement.list().stream().map(p -> view(p, false)).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.REGULATOR, Roles.AUDITOR })
    @Operation(summary = "A proceeding with its frozen evidence pack, representations and decision; the read is audited")
    public ProceedingView get(@PathParam("id") UUID id) {
        return view(enforcement.get(id), true);
    }

    @POST
    @Path("/{id}/representations")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "Record the platform's representations (OPEN or REPRESENTATIONS_RECEIVED → "
            + "REPRESENTATIONS_RECEIVED); 409 once decided")
    public ProceedingView represent(@PathParam("id") UUID id, @Valid @NotNull RepresentationRequest request) {
        return view(enforcement.represent(id, request), true);
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.REGULATOR)
    @Operation(summary = "Decide: NO_ACTION, WARNING or PENALTY (→ DECIDED, final)", description = "A PENALTY needs "
            + "amount > 0 (at most 2 decimals) and an ISO 4217 currency; NO_ACTION and WARNING take neither. legalBasis "
            + "ONLINE_SAFETY_ACT_2023 (Ofcom: up to GBP 18m or 10 % of qualifying worldwide revenue, whichever is "
            + "greater) or TCO_ART_18 (up to 4 % of global turnover); the caps are documented, not enforced. Decided "
            + "penalties are counted in the transparency report. 409 when already decided or changed concurrently.")
    public ProceedingView decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest request) {
        return view(enforcement.decide(id, request), true);
    }

    private ProceedingView view(EnforcementProceeding p, boolean withPack) {
        try {
            return new ProceedingView(p.id, p.jurisdiction, p.platformId, p.grounds, p.status, p.openedBy, p.openedAt,
                    p.evidenceHash, p.ordersInPack, p.breaches12Months,
                    withPack ? mapper.readTree(p.evidencePack) : null,
                    enforcement.representations(p.id).stream()
                            .map(r -> new ProceedingView.Representation(r.id, r.receivedAt, r.summary,
                                    r.documentReference, r.recordedBy, r.recordedAt))
                            .toList(),
                    p.decisionOutcome == null ? null
                            : new ProceedingView.Decision(p.decisionOutcome, p.decisionAmount, p.decisionCurrency,
                                    p.decisionLegalBasis, p.decisionReasons, p.decidedBy, p.decidedAt),
                    p.updatedAt, p.version);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored evidence pack is not JSON", e);
        }
    }
}
