package eu.vigie.cases.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The count of dead letters behind the {@code vigie.outbox.dead} gauge, read on every metrics scrape,
 * reads the dead letters only (their partial index), not every message ever delivered.
 */
@QuarkusTest
class OutboxDeadLetterCountTest {

    private static final int DELIVERED = 2000;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Test
    void theDeadLetterCountReadsTheDeadLettersNotTheDeliveredHistory() throws Exception {
        String tag = UUID.randomUUID().toString();
        OutboxClaimTest.deliveredHistory(em, tag, DELIVERED);
        JsonNode plan;
        long dead;
        QuarkusTransaction.begin();
        try {
            // three dead letters, not committed (the gauge of the running service never sees them)
            em.createNativeQuery("""
                    INSERT INTO outbox_message (id, topic, aggregate_key, payload, created_at, next_attempt_at, dead_at)
                    SELECT gen_random_uuid(), 'test.dead', 'dead-' || g || '-' || :tag, '{}', now(), now(), now()
                    FROM generate_series(1, 3) g
                    """).setParameter("tag", tag).executeUpdate();
            dead = ((Number) em.createQuery("select count(*) from OutboxMessage where deadAt is not null and topic = 'test.dead'"
                    + " and aggregateKey like :tag").setParameter("tag", "dead-%-" + tag).getSingleResult()).longValue();
            String explained = em.unwrap(Session.class).doReturningWork(connection -> {
                try (Statement explain = connection.createStatement();
                        ResultSet result = explain.executeQuery(
                                "EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM outbox_message WHERE dead_at IS NOT NULL")) {
                    result.next();
                    return result.getString(1);
                }
            });
            plan = json.readTree(explained);
        } finally {
            QuarkusTransaction.rollback();
        }
        assertEquals(3, dead);
        long rowsRead = OutboxClaimTest.rowsRead(plan.get(0).get("Plan"));
        assertTrue(rowsRead < 200, "counting the dead letters read " + rowsRead + " rows beside " + DELIVERED
                + " delivered messages: " + plan);
    }
}
