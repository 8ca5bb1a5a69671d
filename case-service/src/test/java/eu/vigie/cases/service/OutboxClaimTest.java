package eu.vigie.cases.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.outbox.OutboxRelay;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The outbox relay's claim: messages of one key are relayed one after the other in the order they
 * were written, a retry included, while other keys go on; and a claim reads only about as many
 * messages as it takes, however many are pending and whatever the planner believes about them.
 */
@QuarkusTest
class OutboxClaimTest {

    private static final int PENDING = 3000;

    @Inject
    Outbox outbox;

    @Inject
    RecordingOutboxHandler handler;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Test
    void messagesOfOneKeyAreRelayedInTheOrderWrittenEvenWhenTheFirstIsRetried() {
        String tag = UUID.randomUUID().toString();
        String key = "ordered-" + tag;
        List<String> payloads = List.of(tag + "-1", tag + "-2", tag + "-3", tag + "-4");
        handler.failFirstAttemptOf(quoted(payloads.get(0)));
        // Two in one transaction (the second must see the first before it is flushed), two in later ones.
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.enqueue(RecordingOutboxHandler.TOPIC, key, payloads.get(0));
            outbox.enqueue(RecordingOutboxHandler.TOPIC, key, payloads.get(1));
        });
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(RecordingOutboxHandler.TOPIC, key, payloads.get(2)));
        String other = tag + "-other";
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.enqueue(RecordingOutboxHandler.TOPIC, "other-" + tag, other);
            outbox.enqueue(RecordingOutboxHandler.TOPIC, key, payloads.get(3));
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> handler.delivered().containsAll(
                payloads.stream().map(OutboxClaimTest::quoted).toList()));
        List<String> ofKey = handler.delivered().stream().filter(p -> p.startsWith("\"" + tag + "-") && !p.contains("other"))
                .toList();
        assertEquals(payloads.stream().map(OutboxClaimTest::quoted).toList(), ofKey);
        assertTrue(handler.overlaps().stream().noneMatch(p -> p.contains(tag)), "one message of a key at a time");
        // The other key did not wait for the first key's retry.
        assertTrue(handler.delivered().indexOf(quoted(other)) < handler.delivered().indexOf(quoted(payloads.get(0))),
                "another key's message is relayed while the first key's first message waits for its retry");
    }

    @Test
    void aClaimReadsAboutAsManyMessagesAsItTakesEvenWhenTheStatisticsSayNoneArePending() throws Exception {
        String tag = UUID.randomUUID().toString();
        // The statistics see only delivered messages, as after a quiet spell...
        deliveredHistory(em, tag, 2000);
        // ...then a burst: thousands pending (not committed, so the relay never sees them), and the claim's plan.
        JsonNode plan;
        QuarkusTransaction.begin();
        try {
            em.createNativeQuery("""
                    INSERT INTO outbox_message (id, topic, aggregate_key, payload, created_at, next_attempt_at)
                    SELECT gen_random_uuid(), 'test.burst', 'burst-' || g || '-' || :tag, '{}', now(), now()
                    FROM generate_series(1, :pending) g
                    """).setParameter("tag", tag).setParameter("pending", PENDING).executeUpdate();
            Instant now = Instant.now();
            String explained = em.unwrap(Session.class).doReturningWork(connection -> {
                try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + OutboxRelay.CLAIM)) {
                    explain.setObject(1, now.plusSeconds(60).atOffset(ZoneOffset.UTC));
                    explain.setObject(2, now.plusSeconds(1).atOffset(ZoneOffset.UTC));
                    explain.setObject(3, now.plusSeconds(1).atOffset(ZoneOffset.UTC));
                    explain.setInt(4, 9);
                    explain.setInt(5, 9);
                    try (ResultSet result = explain.executeQuery()) {
                        result.next();
                        return result.getString(1);
                    }
                }
            });
            plan = json.readTree(explained);
        } finally {
            QuarkusTransaction.rollback();
        }
        long rowsRead = rowsRead(plan.get(0).get("Plan"));
        assertTrue(rowsRead < 300, "the claim read " + rowsRead + " rows to claim 9 of " + PENDING + " pending: " + plan);
        // The predecessor is looked up by its unique seq, whatever the statistics say.
        List<String> probes = new java.util.ArrayList<>();
        subPlanIndexes(plan.get(0).get("Plan"), false, probes);
        assertEquals(List.of("outbox_message_seq_key"), probes.stream().distinct().toList(), "sub-plan indexes: " + plan);
    }

    private static void subPlanIndexes(JsonNode node, boolean inSubPlan, List<String> found) {
        boolean sub = inSubPlan || "SubPlan".equals(node.path("Parent Relationship").asText());
        if (sub && node.has("Index Name")) {
            found.add(node.get("Index Name").asText());
        }
        for (JsonNode child : node.path("Plans")) {
            subPlanIndexes(child, sub, found);
        }
    }

    /** Commits {@code count} delivered messages (history, as the table keeps it) and brings the statistics up to date. */
    static void deliveredHistory(EntityManager em, String tag, int count) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO outbox_message (id, topic, aggregate_key, payload, created_at, next_attempt_at, delivered_at)
                SELECT gen_random_uuid(), 'test.history', 'history-' || g || '-' || :tag, '{}', now(), now(), now()
                FROM generate_series(1, :count) g
                """).setParameter("tag", tag).setParameter("count", count).executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("ANALYZE outbox_message").executeUpdate());
    }

    /** Rows every node of a plan produced or removed, over all its loops. */
    static long rowsRead(JsonNode node) {
        long loops = Math.max(1, node.path("Actual Loops").asLong(1));
        long rows = (node.path("Actual Rows").asLong(0) + node.path("Rows Removed by Filter").asLong(0)
                + node.path("Rows Removed by Join Filter").asLong(0)) * loops;
        for (JsonNode child : node.path("Plans")) {
            rows += rowsRead(child);
        }
        return rows;
    }

    private static String quoted(String payload) {
        return "\"" + payload + "\"";
    }
}
