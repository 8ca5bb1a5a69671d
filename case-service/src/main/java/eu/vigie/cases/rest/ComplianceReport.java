package eu.vigie.cases.rest;

import java.time.Instant;
import java.util.List;

/**
 * Compliance per platform for the orders of one issuing jurisdiction received in [from, to):
 * how many, how many complied within the hour (the deadline, moved by any Annex III suspension),
 * the median and 90th percentile time from receipt to removal, the share answered with Annex III,
 * and breaches (orders that became overdue and were not complied with by their deadline, as the
 * provider's Annex II report shows) in the twelve months before {@code to}.
 */
public record ComplianceReport(String jurisdiction, Instant from, Instant to, Instant breachesSince,
        List<PlatformCompliance> platforms) {

    public record PlatformCompliance(String platformId, long ordersReceived, long complied, long compliedWithinOneHour,
            Double shareWithinOneHour, Double medianSecondsToRemoval, Double p90SecondsToRemoval, long annexIII,
            Double annexIIIRate, long breachesLast12Months) {
    }
}
