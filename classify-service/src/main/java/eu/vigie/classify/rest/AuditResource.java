package eu.vigie.classify.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.vigie.classify.AuditEntry;
import eu.vigie.classify.repository.AuditEntryRepository;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.security.Roles;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed the banks, signals, designation list and indicators, and when")
@SecurityRequirement(name = "jwt")
public class AuditResource {

    private final AuditEntryRepository entries;
    private final ObjectMapper mapper;

    public AuditResource(AuditEntryRepository entries, ObjectMapper mapper) {
        this.entries = entries;
        this.mapper = mapper;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.AUDITOR })
    @Operation(summary = "List audit entries in the order written, optionally about one subject (BANK, SIGNAL, DESIGNATED_ENTITY, INDICATOR)")
    public List<AuditView> list(@QueryParam("subjectType") String subjectType, @QueryParam("subjectId") String subjectId,
            @QueryParam("limit") Integer limit) {
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > 1000) {
            throw ProblemException.invalidField("limit", "must be between 1 and 1000");
        }
        return entries.search(subjectType, subjectId, size).stream().map(this::view).toList();
    }

    private AuditView view(AuditEntry e) {
        try {
            return new AuditView(e.id, e.seq, e.at, e.actor, e.action, e.subjectType, e.subjectId,
                    mapper.readTree(e.detail));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Audit entry " + e.id + " has unreadable detail", ex);
        }
    }
}
