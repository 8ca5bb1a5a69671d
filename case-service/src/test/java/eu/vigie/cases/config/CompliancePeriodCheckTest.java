package eu.vigie.cases.config;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** What the start-up check says of vigie.case.compliance-period. */
class CompliancePeriodCheckTest {

    @Test
    void theLegalHourIsSilentAnyOtherPeriodWarnsAndNoneOrANegativeOneStopsTheStart() {
        assertNull(CompliancePeriodCheck.warningFor(Duration.ofHours(1)));
        assertNull(CompliancePeriodCheck.warningFor(Duration.ofMinutes(60)));
        String warning = CompliancePeriodCheck.warningFor(Duration.ofSeconds(5));
        assertTrue(warning.contains("PT5S") && warning.contains("NOT the legal"), warning);
        assertTrue(CompliancePeriodCheck.warningFor(Duration.ofHours(2)).contains("PT2H"));
        assertThrows(IllegalStateException.class, () -> CompliancePeriodCheck.warningFor(Duration.ZERO));
        assertThrows(IllegalStateException.class, () -> CompliancePeriodCheck.warningFor(Duration.ofSeconds(-1)));
    }
}
