package eu.vigie.cases.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import eu.vigie.cases.repository.RemovalOrderRepository;

/** Watches every running deadline: a received order not complied with within the hour becomes OVERDUE. */
@ApplicationScoped
public class OverdueCheck {

    private static final Logger LOG = Logger.getLogger(OverdueCheck.class);
    private static final int BATCH = 100;

    private final RemovalOrderRepository orders;
    private final OrderLifecycleService lifecycle;

    public OverdueCheck(RemovalOrderRepository orders, OrderLifecycleService lifecycle) {
        this.orders = orders;
        this.lifecycle = lifecycle;
    }

    @Scheduled(every = "${vigie.case.overdue-check-interval:15s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Marks every order whose deadline has passed; answers how many. */
    public int run() {
        int marked = 0;
        List<UUID> due;
        do {
            var now = Canonical.now();
            due = QuarkusTransaction.requiringNew().call(() -> orders.overdueIds(now, BATCH));
            for (UUID id : due) {
                try {
                    if (lifecycle.markOverdueIfDue(id, now)) {
                        marked++;
                        LOG.warnf("Removal order %s is overdue", id);
                    }
                } catch (RuntimeException e) {
                    // Changed concurrently (e.g. complied at the same moment): the next run looks again.
                    LOG.infof("Overdue check of order %s deferred: %s", id, e.getMessage());
                }
            }
        } while (due.size() == BATCH && marked > 0);
        return marked;
    }
}
