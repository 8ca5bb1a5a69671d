package eu.vigie.cases.rest;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The yearly figures of Regulation (EU) 2021/784, Art. 8(3), for the removal orders an issuing
 * jurisdiction issued in {@code year} (UTC): issued, cross-border, scrutinised and the outcome,
 * complied with (and within the hour), and not complied with, by reason; and the penalties the
 * jurisdiction's regulator decided in enforcement proceedings that year (how many, and their total per
 * ISO 4217 currency).
 */
public record TransparencyReport(int year, String jurisdiction, long ordersIssued, long crossBorder,
        long scrutinised, long scrutinyUpheld, long scrutinyRevoked, long complied, long compliedWithinOneHour,
        long notComplied, Map<String, Long> notCompliedReasons, long penaltiesRecorded,
        Map<String, BigDecimal> penaltyAmounts) {
}
