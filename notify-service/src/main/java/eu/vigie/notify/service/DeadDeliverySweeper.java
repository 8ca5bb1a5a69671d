package eu.vigie.notify.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Marks DEAD the webhook deliveries whose outbox message was dead-lettered (retries given up after
 * {@code vigie.outbox.dead-after}), so the proof of delivery shows it, and tells the operators. The
 * platform's inbox item stays: it can still acknowledge it.
 */
@ApplicationScoped
public class DeadDeliverySweeper {

    private static final Logger LOG = Logger.getLogger(DeadDeliverySweeper.class);

    private static final String MARK_DEAD = """
            UPDATE delivery d SET status = 'DEAD', dead_at = o.dead_at, version = d.version + 1
            FROM outbox_message o
            WHERE d.channel = 'WEBHOOK' AND d.status = 'PENDING'
              AND o.topic = 'webhook.delivery' AND o.dead_at IS NOT NULL
              AND o.aggregate_key = CAST(d.notification_id AS VARCHAR)
            RETURNING CAST(d.id AS VARCHAR), CAST(d.notification_id AS VARCHAR), d.target
            """;

    private final EntityManager em;

    public DeadDeliverySweeper(EntityManager em) {
        this.em = em;
    }

    @Scheduled(every = "${vigie.notify.dead-sweep-interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        markDead();
    }

    /** Marks the dead deliveries; returns how many. */
    @SuppressWarnings("unchecked")
    public int markDead() {
        List<Object[]> dead = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(MARK_DEAD).getResultList());
        for (Object[] row : dead) {
            LOG.errorf("DEAD LETTER: webhook delivery %s of notification %s to %s was given up; the platform must be "
                    + "contacted another way", row[0], row[1], row[2]);
        }
        return dead.size();
    }
}
