package eu.vigie.cases.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** case-service's own settings. */
@ConfigMapping(prefix = "vigie.case")
public interface CaseConfig {

    /**
     * The removal deadline: an order's {@code deadlineAt} is its receipt plus this period (ARCHITECTURE.md,
     * "The removal deadline"). The law says one hour (Regulation (EU) 2021/784, Art. 3(3)); only test
     * deployments shorten it, and any other value is logged as a warning at start-up.
     */
    @WithDefault("PT1H")
    Duration compliancePeriod();

    /** How long the vigie.orders.overdue gauge reuses its last count from the database. */
    @WithDefault("5s")
    Duration overdueGaugeCache();

    /** How often received orders are checked for a passed deadline. */
    @WithDefault("15s")
    Duration overdueCheckInterval();

    /** How often orders held for the 12-hour pre-notice are checked for release. */
    @WithDefault("30s")
    Duration preNoticeCheckInterval();

    /** Page size of the case list when the caller gives none. */
    @WithDefault("50")
    int defaultPageSize();

    /** The largest page the case list and review queue answer. */
    @WithDefault("200")
    int maxPageSize();

    /** Per issuing jurisdiction (GB, FR, ...): the competent authority and redress information of its orders. */
    Map<String, Authority> authorities();

    interface Authority {
        Optional<String> type();

        Optional<String> name();

        Optional<String> contact();

        Optional<String> redressBody();

        Optional<String> redressDeadline();

        Optional<String> redressLegalReference();
    }
}
