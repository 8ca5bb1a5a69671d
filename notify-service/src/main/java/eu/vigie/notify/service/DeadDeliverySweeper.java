package eu.vigie.notify.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import eu.vigie.common.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Marks DEAD the webhook and e-mail deliveries whose outbox message was dead-lettered (retries given
 * up after {@code vigie.outbox.dead-after}, at least 24 hours), so the proof of delivery shows it, and
 * tells the operators: an ERROR log, the counter {@code vigie.notify.deliveries.dead}, and in the same
 * transaction an {@link Topics#OPERATOR_NOTICE} message that e-mails {@code vigie.notify.operators-email}.
 * A platform's inbox item stays: it can still acknowledge it.
 */
@ApplicationScoped
public class DeadDeliverySweeper {

    private static final Logger LOG = Logger.getLogger(DeadDeliverySweeper.class);

    private static final String MARK_DEAD = """
            UPDATE delivery d SET status = 'DEAD', dead_at = o.dead_at, version = d.version + 1
            FROM outbox_message o, notification n
            WHERE n.id = d.notification_id
              AND d.channel IN ('WEBHOOK', 'EMAIL') AND d.status = 'PENDING'
              AND o.topic IN ('webhook.delivery', 'email.delivery') AND o.dead_at IS NOT NULL
              AND o.aggregate_key = LOWER(d.channel) || ':' || CAST(d.notification_id AS VARCHAR)
            RETURNING CAST(d.id AS VARCHAR), CAST(d.notification_id AS VARCHAR), d.channel, d.target, n.kind,
                      n.recipient_type, n.recipient, n.subject_type, CAST(n.subject_id AS VARCHAR), o.attempts,
                      o.last_error, d.dead_at
            """;

    private final EntityManager em;
    private final Outbox outbox;
    private final MeterRegistry metrics;

    public DeadDeliverySweeper(EntityManager em, Outbox outbox, MeterRegistry metrics) {
        this.em = em;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    @Scheduled(every = "${vigie.notify.dead-sweep-interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        markDead();
    }

    /** Marks the dead deliveries and tells the operators; returns how many. */
    @SuppressWarnings("unchecked")
    public int markDead() {
        List<OperatorNoticeMessage> dead = QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = em.createNativeQuery(MARK_DEAD).getResultList();
            List<OperatorNoticeMessage> notices = rows.stream().map(DeadDeliverySweeper::notice).toList();
            for (OperatorNoticeMessage notice : notices) {
                outbox.enqueue(Topics.OPERATOR_NOTICE, notice.deliveryId().toString(), notice);
            }
            return notices;
        });
        for (OperatorNoticeMessage notice : dead) {
            metrics.counter("vigie.notify.deliveries.dead", "channel", notice.channel(), "kind", notice.kind())
                    .increment();
            LOG.errorf("DEAD LETTER: %s delivery %s of %s notification %s to %s %s (%s) was given up after %d attempts "
                    + "(last error: %s); the recipient must be contacted another way", notice.channel(),
                    notice.deliveryId(), notice.kind(), notice.notificationId(), notice.recipientType(),
                    notice.recipient(), notice.target(), notice.attempts(), notice.lastError());
        }
        return dead.size();
    }

    private static OperatorNoticeMessage notice(Object[] row) {
        return new OperatorNoticeMessage(UUID.fromString((String) row[0]), UUID.fromString((String) row[1]),
                (String) row[2], (String) row[3], (String) row[4], (String) row[5], (String) row[6], (String) row[7],
                UUID.fromString((String) row[8]), ((Number) row[9]).intValue(), (String) row[10], instant(row[11]));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected time value " + value);
    }
}
