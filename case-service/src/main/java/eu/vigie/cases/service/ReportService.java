package eu.vigie.cases.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import eu.vigie.cases.RemovalOrderStatus;
import eu.vigie.cases.ScrutinyDecision;
import eu.vigie.cases.rest.ComplianceReport;
import eu.vigie.cases.rest.TransparencyReport;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;

/** The regulator's figures: compliance per platform and period, and the yearly transparency report. */
@ApplicationScoped
public class ReportService {

    private static final String PLATFORM_ID = "[a-z0-9][a-z0-9-]{1,63}";

    private final EntityManager em;
    private final Caller caller;
    private final Clock clock;

    private final ReadAudit reads;

    public ReportService(EntityManager em, Caller caller, Clock clock, ReadAudit reads) {
        this.reads = reads;
        this.em = em;
        this.caller = caller;
        this.clock = clock;
    }

    /** The most months {@link #complianceHistory} gives. */
    public static final int MAX_HISTORY_MONTHS = 24;

    /**
     * Compliance of the caller's jurisdiction's orders, per platform. {@code from} and {@code to} are
     * ISO-8601 instants or dates (UTC); {@code to} defaults to now, {@code from} to twelve months
     * before {@code to}.
     */
    @Transactional
    public ComplianceReport compliance(String platformId, String fromText, String toText) {
        String jurisdiction = caller.requireJurisdiction();
        String platform = ReviewService.blankToNull(platformId);
        if (platform != null && !platform.matches(PLATFORM_ID)) {
            throw ProblemException.invalidField("platformId", "must be a platform id (lower-case letters, digits, '-')");
        }
        Instant[] period = period(fromText, toText);
        ComplianceReport report = figures(jurisdiction, platform, period[0], period[1]);
        Map<String, Object> what = new java.util.LinkedHashMap<>();
        what.put("report", "compliance");
        what.put("format", "JSON");
        what.put("jurisdiction", jurisdiction);
        what.put("platformId", platform);
        what.put("from", Canonical.time(report.from()));
        what.put("to", Canonical.time(report.to()));
        what.put("platforms", report.platforms().size());
        reads.record(AuditTrail.REPORT_READ, "REPORT", "compliance", null, what);
        return report;
    }

    /**
     * Compliance of the caller's jurisdiction's orders in a period (as {@link #compliance} with no
     * platform filter) and, for one of its platforms, the figures of each of the {@code months}
     * calendar months (UTC) up to and including the month of the period's end: {@code chartPlatformId}
     * when the report has it, else the report's first platform (none when the report is empty). Recorded as one
     * {@code REPORT_READ} naming the period, the platform of the months and the months.
     *
     * @param format how the reader sees it (recorded), e.g. {@code HTML} for the console's page
     */
    @Transactional
    public ComplianceHistory complianceHistory(String fromText, String toText, String chartPlatformId, int months,
            String format) {
        String jurisdiction = caller.requireJurisdiction();
        if (months < 1 || months > MAX_HISTORY_MONTHS) {
            throw ProblemException.invalidField("months", "must be between 1 and " + MAX_HISTORY_MONTHS);
        }
        Instant[] period = period(fromText, toText);
        ComplianceReport report = figures(jurisdiction, null, period[0], period[1]);
        List<String> platforms = report.platforms().stream().map(ComplianceReport.PlatformCompliance::platformId)
                .toList();
        String asked = ReviewService.blankToNull(chartPlatformId);
        String platform = asked != null && platforms.contains(asked.strip()) ? asked.strip()
                : platforms.isEmpty() ? null : platforms.get(0);
        List<ComplianceHistory.Month> history = new ArrayList<>();
        if (platform != null) {
            YearMonth last = YearMonth.from(report.to().atZone(ZoneOffset.UTC));
            for (int i = months - 1; i >= 0; i--) {
                YearMonth month = last.minusMonths(i);
                Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                ComplianceReport.PlatformCompliance figures = figures(jurisdiction, platform, start, end).platforms()
                        .stream().filter(p -> p.platformId().equals(platform) && p.ordersReceived() > 0)
                        .findFirst().orElse(null);
                history.add(new ComplianceHistory.Month(month, start, end, figures));
            }
        }
        Map<String, Object> what = new java.util.LinkedHashMap<>();
        what.put("report", "compliance");
        what.put("format", format);
        what.put("jurisdiction", jurisdiction);
        what.put("platformId", null);
        what.put("from", Canonical.time(report.from()));
        what.put("to", Canonical.time(report.to()));
        what.put("platforms", report.platforms().size());
        what.put("monthsOfPlatformId", platform);
        what.put("months", history.stream().map(m -> m.month().toString()).toList());
        reads.record(AuditTrail.REPORT_READ, "REPORT", "compliance", null, what);
        return new ComplianceHistory(report, platform, history);
    }

    /** [from, to) from the texts: {@code to} defaults to now, {@code from} to twelve months before it. */
    private Instant[] period(String fromText, String toText) {
        Instant to = Optional.ofNullable(time("to", toText)).orElse(Canonical.now(clock));
        Instant from = Optional.ofNullable(time("from", fromText)).orElse(twelveMonthsBefore(to));
        if (!from.isBefore(to)) {
            throw ProblemException.invalidField("from", "must be before 'to'");
        }
        return new Instant[] { from, to };
    }

    /** The figures per platform of {@code jurisdiction}'s orders received in [from, to); not recorded as a read. */
    private ComplianceReport figures(String jurisdiction, String platform, Instant from, Instant to) {
        Instant breachesSince = twelveMonthsBefore(to);
        String sql = """
                SELECT o.platform_id,
                  count(*) FILTER (WHERE r.in_period),
                  count(*) FILTER (WHERE r.in_period AND o.complied_at IS NOT NULL),
                  count(*) FILTER (WHERE r.in_period AND o.complied_at IS NOT NULL AND o.complied_at <= o.deadline_at),
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(extract(epoch FROM o.complied_at - o.received_at) AS double precision))
                    FILTER (WHERE r.in_period AND o.complied_at IS NOT NULL),
                  percentile_cont(0.9) WITHIN GROUP (ORDER BY CAST(extract(epoch FROM o.complied_at - o.received_at) AS double precision))
                    FILTER (WHERE r.in_period AND o.complied_at IS NOT NULL),
                  count(*) FILTER (WHERE r.in_period AND EXISTS (SELECT 1 FROM order_feedback f
                    WHERE f.order_id = o.id AND f.form = 'ANNEX_III')),
                  count(*) FILTER (WHERE o.overdue_at >= :since AND o.overdue_at < :to
                    AND (o.complied_at IS NULL OR o.complied_at > o.deadline_at))
                FROM removal_order o
                CROSS JOIN LATERAL (SELECT o.received_at >= :from AND o.received_at < :to
                  AND o.status <> 'WITHDRAWN' AS in_period) r
                WHERE o.issuing_jurisdiction = :jurisdiction
                  AND (r.in_period OR (o.overdue_at >= :since AND o.overdue_at < :to))
                """ + (platform == null ? "" : " AND o.platform_id = :platform ") + """
                GROUP BY o.platform_id ORDER BY o.platform_id
                """;
        Query query = em.createNativeQuery(sql).setParameter("from", from).setParameter("to", to)
                .setParameter("since", breachesSince).setParameter("jurisdiction", jurisdiction);
        if (platform != null) {
            query.setParameter("platform", platform);
        }
        List<ComplianceReport.PlatformCompliance> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            long received = number(c[1]);
            long complied = number(c[2]);
            long within = number(c[3]);
            long annexIII = number(c[6]);
            rows.add(new ComplianceReport.PlatformCompliance((String) c[0], received, complied, within,
                    ratio(within, received), decimal(c[4]), decimal(c[5]), annexIII, ratio(annexIII, received),
                    number(c[7])));
        }
        return new ComplianceReport(jurisdiction, from, to, breachesSince, rows);
    }

    /**
     * The Art. 8 figures of {@code year}. Officers get their own jurisdiction's; an auditor every
     * jurisdiction's together, or one named by {@code jurisdictionParam}.
     */
    @Transactional
    public TransparencyReport transparency(String yearText, String jurisdictionParam, String format) {
        int year;
        try {
            year = Integer.parseInt(yearText == null ? "" : yearText.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("year", "is required: a year such as 2026");
        }
        if (year < 2022 || year > 9999) {
            throw ProblemException.invalidField("year", "must be 2022 (the Regulation's first year) or later");
        }
        String asked = ReviewService.blankToNull(jurisdictionParam);
        String jurisdiction;
        if (caller.hasRole(Roles.REGULATOR) || caller.hasRole(Roles.ISSUER)) {
            jurisdiction = caller.requireJurisdiction();
            if (asked != null && !asked.equalsIgnoreCase(jurisdiction)) {
                throw ProblemException.forbidden("Officers of " + jurisdiction + " read only their own figures");
            }
        } else {
            if (asked != null && !asked.matches("[A-Za-z]{2}")) {
                throw ProblemException.invalidField("jurisdiction", "must be an ISO 3166-1 alpha-2 code");
            }
            jurisdiction = asked == null ? null : asked.toUpperCase(java.util.Locale.ROOT);
        }
        Instant start = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Query query = em.createNativeQuery("""
                SELECT status, cross_border, scrutiny_decision, suspension_reason, complied_at, deadline_at
                FROM removal_order WHERE issued_at >= :start AND issued_at < :end
                """ + (jurisdiction == null ? "" : " AND issuing_jurisdiction = :jurisdiction"))
                .setParameter("start", start).setParameter("end", end);
        if (jurisdiction != null) {
            query.setParameter("jurisdiction", jurisdiction);
        }
        long issued = 0;
        long crossBorder = 0;
        long upheld = 0;
        long revoked = 0;
        long complied = 0;
        long within = 0;
        Map<String, Long> reasons = new TreeMap<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            issued++;
            RemovalOrderStatus status = RemovalOrderStatus.valueOf((String) c[0]);
            if (Boolean.TRUE.equals(c[1])) {
                crossBorder++;
            }
            if (ScrutinyDecision.UPHELD.name().equals(c[2])) {
                upheld++;
            } else if (ScrutinyDecision.REVOKED.name().equals(c[2])) {
                revoked++;
            }
            Instant compliedAt = instant(c[4]);
            Instant deadlineAt = instant(c[5]);
            if (compliedAt != null) {
                complied++;
                if (deadlineAt != null && !compliedAt.isAfter(deadlineAt)) {
                    within++;
                }
            }
            if (status != RemovalOrderStatus.COMPLIED) {
                String reason = switch (status) {
                    case OVERDUE -> "DEADLINE_MISSED";
                    case SUSPENDED -> "ANNEX_III_" + c[3];
                    case WITHDRAWN -> "WITHDRAWN";
                    case REVOKED -> compliedAt != null ? null : "REVOKED_ON_SCRUTINY";
                    default -> "PENDING";
                };
                if (reason != null) {
                    reasons.merge(reason, 1L, Long::sum);
                }
            }
        }
        long notComplied = reasons.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Object> what = new java.util.LinkedHashMap<>();
        what.put("report", "transparency");
        what.put("format", format);
        what.put("year", year);
        what.put("jurisdiction", jurisdiction == null ? "ALL" : jurisdiction);
        reads.record(AuditTrail.REPORT_READ, "REPORT", "transparency", null, what);
        Query penaltiesQuery = em.createNativeQuery("""
                SELECT decision_currency, count(*), sum(decision_amount) FROM enforcement_proceeding
                WHERE decision_outcome = 'PENALTY' AND decided_at >= :start AND decided_at < :end
                """ + (jurisdiction == null ? "" : " AND jurisdiction = :jurisdiction")
                + " GROUP BY decision_currency ORDER BY decision_currency")
                .setParameter("start", start).setParameter("end", end);
        if (jurisdiction != null) {
            penaltiesQuery.setParameter("jurisdiction", jurisdiction);
        }
        long penalties = 0;
        Map<String, java.math.BigDecimal> amounts = new TreeMap<>();
        for (Object row : penaltiesQuery.getResultList()) {
            Object[] c = (Object[]) row;
            penalties += number(c[1]);
            amounts.put((String) c[0], ((java.math.BigDecimal) c[2]).setScale(2));
        }
        return new TransparencyReport(year, jurisdiction == null ? "ALL" : jurisdiction, issued, crossBorder,
                upheld + revoked, upheld, revoked, complied, within, notComplied, reasons, penalties, amounts);
    }

    /** The report as CSV: one {@code figure,value} line per figure, reasons as {@code notComplied.<reason>}. */
    public static String csv(TransparencyReport report) {
        StringBuilder out = new StringBuilder("figure,value\r\n");
        line(out, "year", report.year());
        line(out, "jurisdiction", report.jurisdiction());
        line(out, "ordersIssued", report.ordersIssued());
        line(out, "crossBorder", report.crossBorder());
        line(out, "scrutinised", report.scrutinised());
        line(out, "scrutinyUpheld", report.scrutinyUpheld());
        line(out, "scrutinyRevoked", report.scrutinyRevoked());
        line(out, "complied", report.complied());
        line(out, "compliedWithinOneHour", report.compliedWithinOneHour());
        line(out, "notComplied", report.notComplied());
        report.notCompliedReasons().forEach((reason, count) -> line(out, "notComplied." + reason, count));
        line(out, "penaltiesRecorded", report.penaltiesRecorded());
        report.penaltyAmounts().forEach((currency, amount) -> line(out, "penalties." + currency, amount.toPlainString()));
        return out.toString();
    }

    private static void line(StringBuilder out, String figure, Object value) {
        out.append(field(figure)).append(',').append(field(String.valueOf(value))).append("\r\n");
    }

    private static String field(String value) {
        return value.matches("[A-Za-z0-9_.:-]*") ? value : '"' + value.replace("\"", "\"\"") + '"';
    }

    private static Instant time(String field, String text) {
        String value = ReviewService.blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO-8601 date (2026-01-31) or UTC time "
                    + "(2026-01-31T00:00:00Z)");
        }
    }

    private static Instant twelveMonthsBefore(Instant at) {
        return at.atOffset(ZoneOffset.UTC).minusMonths(12).toInstant();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double decimal(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toInstant();
        }
        throw new IllegalStateException("Unexpected time value " + value.getClass());
    }
}
