package eu.vigie.cases.service;

import static eu.vigie.cases.Fixtures.GB_ISSUER;
import static eu.vigie.cases.Fixtures.annexII;
import static eu.vigie.cases.Fixtures.confirmedGbCaseOn;
import static eu.vigie.cases.Fixtures.deliveryEvent;
import static eu.vigie.cases.Fixtures.issue;
import static eu.vigie.cases.Fixtures.platform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import eu.vigie.cases.Fixtures;
import eu.vigie.cases.rest.ComplianceReport;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link ReportService#complianceHistory}: the compliance of a period and one platform's months, the same
 * figures as the API's report for each window, read as one audit record that names the period, the
 * platform and the months; the API's own compliance read is unchanged (one record of its own).
 */
@QuarkusTest
class ComplianceHistoryTest {

    /** A GB regulator, as the console's signed-in officer or a bearer token would make the caller. */
    static final class GbRegulator extends Caller {

        private final String user;

        GbRegulator(String user) {
            super(null);
            this.user = user;
        }

        @Override
        public String tenant() {
            return "gb";
        }

        @Override
        public Optional<String> jurisdiction() {
            return Optional.of("GB");
        }

        @Override
        public boolean hasRole(String role) {
            return Roles.REGULATOR.equals(role);
        }

        @Override
        public Set<String> roles() {
            return Set.of(Roles.REGULATOR);
        }

        @Override
        public String subject() {
            return "gb:" + user;
        }

        @Override
        public Optional<String> agency() {
            return Optional.of("CTIRU");
        }
    }

    @Inject
    ReportService reports;

    private String reader;

    @BeforeEach
    void newReader() {
        reader = "history-reader-" + UUID.randomUUID();
    }

    /**
     * From here on in this test, every caller is the GB regulator {@code reader} (the REST fixtures too, so the
     * data is made before).
     */
    private void signIn() {
        QuarkusMock.installMockForType(new GbRegulator(reader), Caller.class);
    }

    private static String order(String platformId) {
        return issue(GB_ISSUER, confirmedGbCaseOn(platformId), "{}").statusCode(201).extract().path("id");
    }

    /** An order to {@code platformId} received at {@code received} and complied with {@code minutes} later. */
    private static void compliedOrder(String platformId, Instant received, long minutes) {
        String id = order(platformId);
        annexII(id, platformId, UUID.randomUUID(), received.plus(Duration.ofMinutes(minutes))).statusCode(200);
        deliveryEvent(id, UUID.randomUUID(), "RECEIVED", received).statusCode(200);
    }

    private <T> T asReader(Callable<T> read) throws Exception {
        ManagedContext request = Arc.container().requestContext();
        boolean activated = !request.isActive();
        if (activated) {
            request.activate();
        }
        try {
            return read.call();
        } finally {
            if (activated) {
                request.terminate();
            }
        }
    }

    private long reads() throws Exception {
        return ((Number) Fixtures.sql("SELECT count(*) FROM audit_record WHERE action = 'REPORT_READ' AND actor = 'gb:"
                + reader + "'")).longValue();
    }

    private String lastRead() throws Exception {
        return (String) Fixtures.sql("SELECT details FROM audit_record WHERE action = 'REPORT_READ' AND actor = 'gb:"
                + reader + "' ORDER BY sequence DESC LIMIT 1");
    }

    @Test
    void monthsOfOnePlatformAreTheApisFiguresPerMonthReadOnce() throws Exception {
        String charted = platform("GB", true);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant earlier = now.minus(Duration.ofDays(62));
        compliedOrder(charted, earlier, 10);
        compliedOrder(charted, now.minus(Duration.ofHours(2)), 30);
        String from = now.minus(Duration.ofDays(100)).toString();
        String to = now.plus(Duration.ofHours(1)).toString();
        signIn();

        long before = reads();
        ComplianceHistory history = asReader(() -> reports.complianceHistory(from, to, charted, 6, "HTML"));
        assertEquals(before + 1, reads(), "one read recorded for the report and its six months");
        String details = lastRead();

        assertEquals(charted, history.platformId());
        assertTrue(history.report().platforms().stream().anyMatch(p -> p.platformId().equals(charted)));
        YearMonth last = YearMonth.from(Instant.parse(to).atZone(ZoneOffset.UTC));
        List<YearMonth> expected = List.of(last.minusMonths(5), last.minusMonths(4), last.minusMonths(3),
                last.minusMonths(2), last.minusMonths(1), last);
        assertEquals(expected, history.months().stream().map(ComplianceHistory.Month::month).toList());
        YearMonth earlierMonth = YearMonth.from(earlier.atZone(ZoneOffset.UTC));
        YearMonth recentMonth = YearMonth.from(now.minus(Duration.ofHours(2)).atZone(ZoneOffset.UTC));
        for (ComplianceHistory.Month month : history.months()) {
            assertEquals(month.month().atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(), month.from());
            assertEquals(month.month().plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(), month.to());
            // the same figures as the API's report of that window for that platform
            ComplianceReport api = asReader(() -> reports.compliance(charted, month.from().toString(),
                    month.to().toString()));
            ComplianceReport.PlatformCompliance figures = api.platforms().stream()
                    .filter(p -> p.ordersReceived() > 0).findFirst().orElse(null);
            assertEquals(figures, month.figures(), month.month().toString());
        }
        ComplianceHistory.Month recent = history.months().get(expected.indexOf(recentMonth));
        ComplianceHistory.Month older = history.months().get(expected.indexOf(earlierMonth));
        if (recentMonth.equals(earlierMonth)) {
            assertEquals(2, recent.figures().ordersReceived());
        } else {
            assertEquals(1, recent.figures().ordersReceived());
            assertEquals(1800.0, recent.figures().medianSecondsToRemoval(), 1e-6);
            assertEquals(1, older.figures().ordersReceived());
            assertEquals(600.0, older.figures().medianSecondsToRemoval(), 1e-6);
        }
        assertEquals(2, history.months().stream().filter(m -> m.figures() != null)
                .mapToLong(m -> m.figures().ordersReceived()).sum());

        assertNotNull(details);
        for (String field : List.of("\"report\":\"compliance\"", "\"format\":\"HTML\"", "\"jurisdiction\":\"GB\"",
                "\"platformId\":null", "\"from\":\"" + history.report().from() + "\"",
                "\"monthsOfPlatformId\":\"" + charted + "\"")) {
            assertTrue(details.contains(field), field + " in " + details);
        }
        String months = "\"months\":[" + String.join(",", expected.stream().map(m -> "\"" + m + "\"").toList()) + "]";
        assertTrue(details.contains(months), months + " in " + details);
    }

    @Test
    void aPlatformNotInTheReportIsNotChartedTheFirstIsAndAnEmptyPeriodHasNoMonths() throws Exception {
        String some = platform("GB", true);
        compliedOrder(some, Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS), 5);
        signIn();
        ComplianceHistory history = asReader(() -> reports.complianceHistory(null, null, "p-not-a-platform-of-gb",
                3, "HTML"));
        assertEquals(history.report().platforms().get(0).platformId(), history.platformId());
        assertEquals(3, history.months().size());

        ComplianceHistory empty = asReader(() -> reports.complianceHistory("2023-01-01", "2023-02-01", some, 6,
                "HTML"));
        assertEquals(List.of(), empty.report().platforms());
        assertNull(empty.platformId());
        assertEquals(List.of(), empty.months());
        assertTrue(lastRead().contains("\"monthsOfPlatformId\":null"), lastRead());
        assertTrue(lastRead().contains("\"months\":[]"), lastRead());
    }

    @Test
    void badInputIsRefusedAndRecordsNoRead() throws Exception {
        signIn();
        long before = reads();
        ProblemException months = assertThrows(ProblemException.class,
                () -> asReader(() -> reports.complianceHistory(null, null, null, 0, "HTML")));
        assertEquals(400, months.status());
        ProblemException tooMany = assertThrows(ProblemException.class, () -> asReader(
                () -> reports.complianceHistory(null, null, null, ReportService.MAX_HISTORY_MONTHS + 1, "HTML")));
        assertEquals(400, tooMany.status());
        ProblemException period = assertThrows(ProblemException.class,
                () -> asReader(() -> reports.complianceHistory("2026-02-01", "2026-01-01", null, 6, "HTML")));
        assertEquals(400, period.status());
        assertEquals(before, reads());
    }

    @Test
    void theApisComplianceReadIsStillOneRecordOfItsOwn() throws Exception {
        signIn();
        long before = reads();
        asReader(() -> reports.compliance(null, null, null));
        assertEquals(before + 1, reads());
        assertTrue(lastRead().contains("\"format\":\"JSON\""), lastRead());
        assertTrue(!lastRead().contains("\"months\""), lastRead());
    }
}
