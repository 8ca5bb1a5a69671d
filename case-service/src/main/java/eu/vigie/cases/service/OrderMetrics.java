package eu.vigie.cases.service;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import eu.vigie.cases.config.CaseConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The removal orders' figures for operators and issue 7's alerts:
 * <ul>
 * <li>{@code vigie.orders.overdue} (Prometheus {@code vigie_orders_overdue}), a gauge per issuing
 * jurisdiction: the orders currently OVERDUE, counted in the database (one grouped query on a partial
 * index, reused for {@code vigie.case.overdue-gauge-cache}). Every replica reports the same shared
 * figure, so dashboards aggregate it with {@code max}, never {@code sum}.</li>
 * <li>{@code vigie.orders.breaches} (Prometheus {@code vigie_orders_breaches_total}), a counter per
 * issuing jurisdiction, incremented once the transaction that made an order OVERDUE has committed.
 * The overdue watch marks each order once across replicas, so the replicas' counters add up
 * ({@code sum(rate(...))}).</li>
 * </ul>
 */
@ApplicationScoped
public class OrderMetrics {

    public static final String OVERDUE = "vigie.orders.overdue";
    public static final String BREACHES = "vigie.orders.breaches";

    private static final Logger LOG = Logger.getLogger(OrderMetrics.class);

    private final MeterRegistry registry;
    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final CaseConfig config;
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();

    private volatile Snapshot snapshot;

    public OrderMetrics(MeterRegistry registry, EntityManager em, TransactionSynchronizationRegistry transactions,
            CaseConfig config) {
        this.registry = registry;
        this.em = em;
        this.transactions = transactions;
        this.config = config;
    }

    void register(@Observes StartupEvent event) {
        config.authorities().keySet().forEach(this::gauge);
        counts();
    }

    /** Counts a breach of {@code jurisdiction} once the current transaction commits (never for a rollback). */
    public void breachAfterCommit(String jurisdiction) {
        gauge(jurisdiction);
        Counter counter = breaches(jurisdiction);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to prepare
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment();
                    snapshot = null;
                }
            }
        });
    }

    /** The orders of {@code jurisdiction} currently OVERDUE, from the database (cached briefly); NaN if unreadable. */
    public double overdue(String jurisdiction) {
        Map<String, Long> counts = counts();
        return counts == null ? Double.NaN : counts.getOrDefault(jurisdiction, 0L);
    }

    private Counter breaches(String jurisdiction) {
        return Counter.builder(BREACHES).tag("jurisdiction", jurisdiction)
                .description("Removal orders that became overdue (deadline passed without compliance)")
                .register(registry);
    }

    private void gauge(String jurisdiction) {
        if (jurisdiction != null && gauged.add(jurisdiction)) {
            Gauge.builder(OVERDUE, () -> overdue(jurisdiction)).tag("jurisdiction", jurisdiction)
                    .description("Removal orders currently overdue, counted in the database (the same on every replica)")
                    .register(registry);
            breaches(jurisdiction);
        }
    }

    private Map<String, Long> counts() {
        Snapshot current = snapshot;
        if (fresh(current)) {
            return current.counts;
        }
        synchronized (this) {
            current = snapshot;
            if (fresh(current)) {
                return current.counts;
            }
            long now = System.nanoTime();
            try {
                Map<String, Long> counts = QuarkusTransaction.requiringNew().call(this::query);
                counts.keySet().forEach(this::gauge);
                snapshot = new Snapshot(now, counts);
                return counts;
            } catch (RuntimeException e) {
                LOG.debugf(e, "Overdue orders could not be counted");
                return null;
            }
        }
    }

    /** Whether a count is recent enough to reuse (monotonic time: the cache is no legal time). */
    private boolean fresh(Snapshot current) {
        return current != null && System.nanoTime() - current.takenAt < config.overdueGaugeCache().toNanos();
    }

    private Map<String, Long> query() {
        Map<String, Long> counts = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT issuing_jurisdiction, count(*) FROM removal_order "
                + "WHERE status = 'OVERDUE' GROUP BY issuing_jurisdiction").getResultList()) {
            Object[] columns = (Object[]) row;
            counts.put((String) columns[0], ((Number) columns[1]).longValue());
        }
        return counts;
    }

    private record Snapshot(long takenAt, Map<String, Long> counts) {
    }
}
