package eu.vigie.cases.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import eu.vigie.cases.repository.RemovalOrderRepository;

/**
 * Watches every running deadline: a received order not complied with by its deadline (receipt plus
 * vigie.case.compliance-period, the legal hour) becomes
 * OVERDUE, and the regulator of the issuing jurisdiction gets a breach notice with the evidence.
 * Clustered-safe: each batch locks the due rows with {@code FOR UPDATE SKIP LOCKED}, so replicas
 * running the watch at the same moment share the work and never mark an order twice.
 */
@ApplicationScoped
public class OverdueCheck {

    private static final Logger LOG = Logger.getLogger(OverdueCheck.class);
    private static final int BATCH = 100;

    private final RemovalOrderRepository orders;
    private final OrderLifecycleService lifecycle;
    private final Clock clock;

    public OverdueCheck(RemovalOrderRepository orders, OrderLifecycleService lifecycle, Clock clock) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @Scheduled(every = "${vigie.case.overdue-check-interval:15s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Marks every order whose deadline has passed by the clock; answers how many this replica marked. */
    public int run() {
        return LockedBatches.drain(clock, BATCH, orders::lockOverdue, lifecycle::markOverdueIfDue,
                id -> LOG.warnf("Removal order %s is overdue", id), LOG, "Overdue watch deferred");
    }
}
