package eu.vigie.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import eu.vigie.cases.service.ReportService;
import eu.vigie.common.security.Roles;

@Path("/api/v1/reports")
@Tag(name = "Reports", description = "Compliance per platform, and the yearly transparency figures (TCO Art. 8)")
@SecurityRequirement(name = "jwt")
public class ReportResource {

    public static final String TEXT_CSV = "text/csv";

    private final ReportService reports;

    public ReportResource(ReportService reports) {
        this.reports = reports;
    }

    @GET
    @Path("/compliance")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REGULATOR, Roles.ISSUER })
    @Operation(summary = "Per platform, for the orders of the caller's jurisdiction received in [from, to): orders "
            + "received, complied within one hour, median and p90 seconds to removal, Annex III rate, and breaches "
            + "in the twelve months before 'to'")
    public ComplianceReport compliance(@QueryParam("platformId") String platformId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return reports.compliance(platformId, from, to);
    }

    @GET
    @Path("/transparency")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.REGULATOR, Roles.ISSUER, Roles.AUDITOR })
    @Operation(summary = "The TCO Art. 8 figures of a year (UTC) for the caller's jurisdiction (an auditor: all, or "
            + "?jurisdiction=)")
    public TransparencyReport transparency(@QueryParam("year") String year,
            @QueryParam("jurisdiction") String jurisdiction) {
        return reports.transparency(year, jurisdiction, "JSON");
    }

    @GET
    @Path("/transparency")
    @Produces(TEXT_CSV)
    @RolesAllowed({ Roles.REGULATOR, Roles.ISSUER, Roles.AUDITOR })
    @Operation(summary = "The same figures as CSV (figure,value)")
    public String transparencyCsv(@QueryParam("year") String year, @QueryParam("jurisdiction") String jurisdiction) {
        return ReportService.csv(reports.transparency(year, jurisdiction, "CSV"));
    }
}
