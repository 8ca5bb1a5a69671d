package eu.vigie.cases.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import eu.vigie.cases.repository.RemovalOrderRepository;

/**
 * Releases orders held for the 12-hour pre-notice once it has run (by the injected clock).
 * Clustered-safe like the overdue watch: due rows are locked with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class PreNoticeRelease {

    private static final Logger LOG = Logger.getLogger(PreNoticeRelease.class);
    private static final int BATCH = 100;

    private final RemovalOrderRepository orders;
    private final RemovalOrderService service;
    private final Clock clock;

    public PreNoticeRelease(RemovalOrderRepository orders, RemovalOrderService service, Clock clock) {
        this.orders = orders;
        this.service = service;
        this.clock = clock;
    }

    @Scheduled(every = "${vigie.case.pre-notice-check-interval:30s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Releases every order whose pre-notice has ended; answers how many this replica released. */
    public int run() {
        return LockedBatches.drain(clock, BATCH, orders::lockReleasable, service::releaseIfDue,
                id -> LOG.infof("Removal order %s released after its pre-notice", id), LOG,
                "Pre-notice release deferred");
    }
}
