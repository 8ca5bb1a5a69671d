package eu.vigie.cases.service;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import eu.vigie.cases.rest.ComplianceReport;

/**
 * Compliance for a period with, for one platform of it, the same figures month by month (calendar
 * months, UTC) up to the month of the period's end: what the regulator's compliance page shows, read
 * (and recorded as read) at once.
 *
 * @param report the compliance of every platform in the period, as {@code GET /api/v1/reports/compliance} answers it
 * @param platformId the platform whose months are given; null when no platform had orders in the period
 * @param months oldest first; empty when {@code platformId} is null
 */
public record ComplianceHistory(ComplianceReport report, String platformId, List<Month> months) {

    /**
     * One calendar month [{@code from}, {@code to}) of {@code platformId}'s orders (by time of receipt);
     * {@code figures} null when the platform received no order of the jurisdiction that month.
     */
    public record Month(YearMonth month, Instant from, Instant to, ComplianceReport.PlatformCompliance figures) {
    }
}
