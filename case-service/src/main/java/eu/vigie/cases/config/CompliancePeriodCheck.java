package eu.vigie.cases.config;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import eu.vigie.cases.RemovalOrder;
import io.quarkus.runtime.StartupEvent;

/**
 * Checks {@code vigie.case.compliance-period} at start-up: it must be positive (otherwise the service
 * refuses to start), and anything but the legal hour is logged as a warning, because only test
 * deployments (the end-to-end suite) may shorten the removal deadline.
 */
@ApplicationScoped
public class CompliancePeriodCheck {

    private static final Logger LOG = Logger.getLogger(CompliancePeriodCheck.class);

    void check(@Observes StartupEvent event, CaseConfig config) {
        String warning = warningFor(config.compliancePeriod());
        if (warning != null) {
            LOG.warn(warning);
        }
    }

    /**
     * The warning a compliance period deserves, or null for the legal hour.
     *
     * @throws IllegalStateException when the period is not positive: no deadline could be kept
     */
    public static String warningFor(Duration period) {
        if (period == null || period.isZero() || period.isNegative()) {
            throw new IllegalStateException("vigie.case.compliance-period must be a positive duration, not " + period);
        }
        if (period.equals(RemovalOrder.LEGAL_DEADLINE)) {
            return null;
        }
        return "vigie.case.compliance-period is " + period + ", not the legal one hour (" + RemovalOrder.LEGAL_DEADLINE
                + ", Regulation (EU) 2021/784 Art. 3(3)): removal deadlines computed by this instance are NOT the legal "
                + "ones. Only test deployments may change it.";
    }
}
