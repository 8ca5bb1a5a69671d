package eu.vigie.cases.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
        int released = 0;
        int batch;
        do {
            var now = Canonical.now(clock);
            try {
                batch = QuarkusTransaction.requiringNew().call(() -> {
                    int done = 0;
                    for (UUID id : orders.lockReleasable(now, BATCH)) {
                        if (service.releaseIfDue(id, now)) {
                            done++;
                            LOG.infof("Removal order %s released after its pre-notice", id);
                        }
                    }
                    return done;
                });
            } catch (RuntimeException e) {
                LOG.warnf(e, "Pre-notice release deferred");
                return released;
            }
            released += batch;
        } while (batch == BATCH);
        return released;
    }
}
