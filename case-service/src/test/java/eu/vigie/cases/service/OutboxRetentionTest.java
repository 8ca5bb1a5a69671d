package eu.vigie.cases.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import eu.vigie.common.outbox.OutboxConfig;
import eu.vigie.common.outbox.OutboxRetention;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Delivered outbox messages are deleted once older than the retention; dead-lettered and pending messages, and
 * recently delivered ones, stay.
 */
@QuarkusTest
class OutboxRetentionTest {

    @Inject
    OutboxRetention retention;

    @Inject
    OutboxConfig config;

    @Inject
    EntityManager em;

    @Test
    void deliveredMessagesOlderThanTheRetentionAreDeletedAndNothingElse() throws Exception {
        String tag = UUID.randomUUID().toString();
        Duration retained = config.retention();
        // 2,500 delivered before the retention (more than one batch), one delivered within it, one dead-lettered and
        // one pending, both as old as the first.
        insert(tag, "old-delivered", 2_500, "now() - interval '40 days'", "now() - interval '40 days'", "NULL");
        insert(tag, "recent-delivered", 1, "now() - interval '40 days'", "now() - interval '1 day'", "NULL");
        insert(tag, "old-dead", 1, "now() - interval '40 days'", "NULL", "now() - interval '33 days'");
        insert(tag, "old-pending", 1, "now() - interval '40 days'", "NULL", "NULL");
        try {
            // (the running service's own sweep, every 10 minutes, may take some of them first: what is left is the proof)
            retention.purgeDeliveredBefore(Instant.now().minus(retained));

            assertEquals(List.of("old-dead", "old-pending", "recent-delivered"), kinds(tag));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "DELETE FROM outbox_message WHERE aggregate_key LIKE :tag").setParameter("tag", "%/" + tag)
                    .executeUpdate());
        }
    }

    @Test
    void theRetentionIsAMonthUnlessConfigured() {
        assertEquals(Duration.ofDays(30), config.retention());
    }

    private void insert(String tag, String kind, int count, String created, String delivered, String dead) {
        // Never due: the relay of the running service leaves them alone.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO outbox_message (id, topic, aggregate_key, payload, created_at, next_attempt_at, delivered_at,
                                            dead_at)
                SELECT gen_random_uuid(), 'test.retention', :kind || '-' || g || '/' || :tag, '{}', %s,
                       now() + interval '1 day', %s, %s
                FROM generate_series(1, :count) g
                """.formatted(created, delivered, dead)).setParameter("kind", kind).setParameter("tag", tag)
                .setParameter("count", count).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private List<String> kinds(String tag) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT DISTINCT regexp_replace(aggregate_key, '-[0-9]+/.*$', '') FROM outbox_message
                WHERE aggregate_key LIKE :tag ORDER BY 1
                """).setParameter("tag", "%/" + tag).getResultList());
    }
}
