package eu.vigie.common.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;

/**
 * Relays outbox messages to their handlers: claims due messages with {@code FOR UPDATE SKIP
 * LOCKED} (so several replicas share the work without taking the same message), keeps the order
 * of messages with the same key, retries failures with exponential backoff and jitter, and
 * dead-letters what cannot be delivered.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /**
     * Claims due messages in the order they are relayed: urgent before routine, then by {@code seq},
     * in one statement for both priorities. Parameters, in order: the claim's expiry, now (twice), how
     * many messages at most, and up to which place in that order a routine message may be claimed (the
     * free delivery threads less those kept for urgent messages), so an urgent message never waits for
     * a thread a routine one took.
     * <p>The walk follows the index {@code outbox_message_claim (priority, seq)} of pending messages and
     * stops at the limit; a message waiting for an earlier one of its key ({@code after_seq}) is passed
     * over by one look-up of that message's {@code seq}. Neither step joins pending messages with each
     * other, so a claim's cost does not depend on the planner's view of how many are pending: the
     * earlier anti-join ran quadratically (1.4 s a claim with 1,248 pending) when a burst followed a
     * quiet spell and the table's statistics still said nothing was pending. Public for the test that
     * reads its plan.
     */
    public static final String CLAIM = """
            UPDATE outbox_message SET claimed_until = ?
            WHERE id IN (
              SELECT c.id FROM (
                SELECT d.id, d.priority, row_number() OVER (ORDER BY d.priority, d.seq) AS place FROM (
                  SELECT o.id, o.priority, o.seq FROM outbox_message o
                  WHERE o.delivered_at IS NULL AND o.dead_at IS NULL
                    AND o.next_attempt_at <= ?
                    AND (o.claimed_until IS NULL OR o.claimed_until < ?)
                    AND (o.after_seq IS NULL OR COALESCE((SELECT p.delivered_at IS NOT NULL OR p.dead_at IS NOT NULL
                                                          FROM outbox_message p WHERE p.seq = o.after_seq), TRUE))
                  ORDER BY o.priority, o.seq
                  LIMIT ?
                  FOR UPDATE SKIP LOCKED) d) c
              WHERE c.priority = 0 /* URGENT */ OR c.place <= ?)
            RETURNING id, seq, topic, aggregate_key, payload, created_at, attempts, next_attempt_at, claimed_until,
                      last_error, delivered_at, dead_at, priority, after_seq
            """;

    /** Records a delivery; parameters: when, the message's id. */
    private static final String DELIVERED = """
            UPDATE outbox_message SET claimed_until = NULL, attempts = attempts + 1, delivered_at = ?, last_error = NULL
            WHERE id = ?
            """;

    /**
     * Records a failed attempt; parameters: the error, the next attempt (null when dead-lettered: unchanged), when it
     * was dead-lettered (null while it is retried), the message's id.
     */
    private static final String FAILED = """
            UPDATE outbox_message SET claimed_until = NULL, attempts = attempts + 1, last_error = ?,
                                      next_attempt_at = COALESCE(?, next_attempt_at), dead_at = ?
            WHERE id = ?
            """;

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final Map<String, OutboxHandler> handlers;
    private final MeterRegistry metrics;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    /** Delivers claimed messages side by side: messages in flight never share a key (see {@link #CLAIM}). */
    private final ExecutorService deliverers;
    /** How many delivery threads are free to take a claimed message. */
    private final Semaphore freeDeliverers;
    /** The topics of urgent handlers. */
    private final Set<String> urgentTopics;
    /** How many free delivery threads only urgent messages may take. */
    private final int reservedForUrgent;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean stopping;

    public OutboxRelay(EntityManager em, AgroalDataSource dataSource, OutboxConfig config,
            Instance<OutboxHandler> handlers, MeterRegistry metrics) {
        this.em = em;
        this.dataSource = dataSource;
        this.config = config;
        this.handlers = handlers.stream().collect(Collectors.toMap(OutboxHandler::topic, Function.identity()));
        this.metrics = metrics;
        AtomicInteger threads = new AtomicInteger();
        int concurrency = Math.max(1, config.concurrency());
        this.freeDeliverers = new Semaphore(concurrency);
        this.urgentTopics = this.handlers.values().stream().filter(OutboxHandler::urgent).map(OutboxHandler::topic)
                .collect(Collectors.toUnmodifiableSet());
        this.reservedForUrgent = urgentTopics.isEmpty() || concurrency == 1 ? 0 : Math.max(1, concurrency / 4);
        this.deliverers = Executors.newFixedThreadPool(Math.max(1, config.concurrency()), r -> {
            Thread t = new Thread(r, "outbox-deliverer-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks for a relay run soon; runs already asked for are merged into one. */
    public void wake() {
        if (!stopping && scheduled.compareAndSet(false, true)) {
            worker.execute(() -> {
                scheduled.set(false);
                relayDue();
            });
        }
    }

    @Scheduled(every = "${vigie.outbox.poll-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Whether a topic's messages are urgent ({@link OutboxHandler#urgent()}). */
    public boolean isUrgent(String topic) {
        return urgentTopics.contains(topic);
    }

    /**
     * Gives pending messages the priority their topic has now, in case a topic became urgent (or
     * stopped being urgent) since they were written: replicas of the same version agree, so running
     * it on each start is harmless.
     */
    void onStart(@Observes StartupEvent event) {
        try {
            int changed = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    UPDATE outbox_message SET priority = CASE WHEN topic IN (:urgent) THEN :urgentPriority ELSE :routine END
                    WHERE delivered_at IS NULL AND dead_at IS NULL
                      AND priority <> CASE WHEN topic IN (:urgent) THEN :urgentPriority ELSE :routine END
                    """).setParameter("urgent", urgentTopics.isEmpty() ? List.of("") : List.copyOf(urgentTopics))
                    .setParameter("urgentPriority", OutboxMessage.URGENT).setParameter("routine", OutboxMessage.ROUTINE)
                    .executeUpdate());
            if (changed > 0) {
                LOG.infof("Outbox: %d pending messages took their topic's priority", changed);
            }
        } catch (RuntimeException e) {
            // The database may be away at start: messages keep the priority they were written with.
            LOG.warnf("Outbox could not align pending messages' priority: %s", e.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @PreDestroy
    void shutdown() {
        stopping = true;
        worker.shutdown();
        deliverers.shutdown();
    }

    /**
     * Claims due messages for the delivery threads that are free, and hands them over; returns how many
     * it handed over. Runs on the relay thread; each delivery frees its thread and wakes the relay
     * again when it is recorded, so up to {@code vigie.outbox.concurrency} messages are always in
     * flight while any are due, and a message written meanwhile never waits for a whole batch. That
     * keeps the order per key: a message is claimable only once every earlier message of its key is
     * delivered or dead (see {@link #CLAIM}), and a delivery is recorded before its thread is freed.
     */
    int relayDue() {
        int handed = 0;
        while (!stopping) {
            int free = freeDeliverers.drainPermits();
            if (free == 0) {
                return handed;
            }
            int wanted = Math.min(free, config.batchSize());
            List<OutboxMessage> batch;
            try {
                // Urgent messages on any free thread; routine ones only on the threads not kept for urgent ones.
                batch = claim(wanted, free - reservedForUrgent);
            } catch (SQLException | RuntimeException e) {
                freeDeliverers.release(free);
                // The database may be away: the next poll tries again; claims of unrecorded messages expire.
                LOG.warnf("Outbox relay could not claim messages: %s", e.getMessage());
                return handed;
            }
            freeDeliverers.release(free - batch.size());
            for (OutboxMessage message : batch) {
                try {
                    deliverers.execute(() -> {
                        try {
                            if (!stopping) {
                                deliver(message);
                            }
                        } catch (RuntimeException e) {
                            // Not recorded (the database may be away): the claim expires and the message is taken again.
                            LOG.warnf("Outbox message %s could not be recorded: %s", message.id, e.getMessage());
                        } finally {
                            freeDeliverers.release();
                            wake();
                        }
                    });
                    handed++;
                } catch (RejectedExecutionException e) {
                    freeDeliverers.release();
                    return handed;
                }
            }
            if (batch.size() < wanted) {
                return handed;
            }
        }
        return handed;
    }

    /**
     * Claims up to {@code limit} due messages, routine ones only up to {@code routinePlaces} (see
     * {@link #CLAIM}), in relay order. Plain JDBC in autocommit, one round trip: the claim runs after
     * every delivery, and through Hibernate (a transaction, a native query mapped to entities) it cost
     * case-service 13% and notify-service 25% of their CPU under load (async-profiler, DeliveryLatency
     * at 20 a second).
     */
    private List<OutboxMessage> claim(int limit, int routinePlaces) throws SQLException {
        Instant now = Instant.now();
        List<OutboxMessage> messages = autocommit(CLAIM, claim -> {
            claim.setObject(1, offset(now.plus(config.claimTimeout())));
            claim.setObject(2, offset(now));
            claim.setObject(3, offset(now));
            claim.setInt(4, limit);
            claim.setInt(5, routinePlaces);
            List<OutboxMessage> claimed = new ArrayList<>(limit);
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    claimed.add(message(rows));
                }
            }
            return claimed;
        });
        messages.sort(Comparator.comparing(m -> m.seq));
        return messages;
    }

    /** One statement on a connection of its own, committed when it returns (the claim and the record of each attempt). */
    private <T> T autocommit(String sql, Autocommit.StatementWork<T> work) throws SQLException {
        return Autocommit.run(dataSource, sql, work);
    }

    /** A claimed message as the claim returned it (detached: never managed by Hibernate). */
    private static OutboxMessage message(ResultSet row) throws SQLException {
        OutboxMessage message = new OutboxMessage();
        message.id = row.getObject("id", UUID.class);
        message.seq = row.getLong("seq");
        message.topic = row.getString("topic");
        message.aggregateKey = row.getString("aggregate_key");
        message.payload = row.getString("payload");
        message.createdAt = instant(row, "created_at");
        message.attempts = row.getInt("attempts");
        message.nextAttemptAt = instant(row, "next_attempt_at");
        message.claimedUntil = instant(row, "claimed_until");
        message.lastError = row.getString("last_error");
        message.deliveredAt = instant(row, "delivered_at");
        message.deadAt = instant(row, "dead_at");
        message.priority = row.getShort("priority");
        long afterSeq = row.getLong("after_seq");
        message.afterSeq = row.wasNull() ? null : afterSeq;
        return message;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime offset(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private void deliver(OutboxMessage message) {
        OutboxHandler handler = handlers.get(message.topic);
        Throwable failure = null;
        boolean permanent = false;
        if (handler == null) {
            failure = new IllegalStateException("no handler for topic " + message.topic);
        } else {
            try {
                handler.handle(message);
            } catch (OutboxRejectedException e) {
                failure = e;
                permanent = true;
            } catch (Exception e) {
                failure = e;
            }
        }
        record(message, failure, permanent);
    }

    private void record(OutboxMessage claimed, Throwable failure, boolean permanent) {
        if (failure == null) {
            // Delivered: one statement, in autocommit (as the claim).
            try {
                autocommit(DELIVERED, delivered -> {
                    delivered.setObject(1, offset(Instant.now()));
                    delivered.setObject(2, claimed.id);
                    return delivered.executeUpdate();
                });
            } catch (SQLException e) {
                throw new IllegalStateException("could not record the delivery: " + e.getMessage(), e);
            }
            counter("delivered", claimed.topic).increment();
            return;
        }
        // Failed: one statement in autocommit too (a neighbour's outage fails every message that comes due).
        Instant now = Instant.now();
        int attempts = claimed.attempts + 1;
        String error = truncate(describe(failure));
        boolean dead = permanent || Duration.between(claimed.createdAt, now).compareTo(config.deadAfter()) > 0;
        Instant next = dead ? null : now.plus(backoff(attempts));
        try {
            autocommit(FAILED, failed -> {
                failed.setString(1, error);
                failed.setObject(2, next == null ? null : offset(next), Types.TIMESTAMP_WITH_TIMEZONE);
                failed.setObject(3, dead ? offset(now) : null, Types.TIMESTAMP_WITH_TIMEZONE);
                failed.setObject(4, claimed.id);
                return failed.executeUpdate();
            });
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the failed attempt: " + e.getMessage(), e);
        }
        if (dead) {
            counter("dead", claimed.topic).increment();
            LOG.errorf("Outbox message %s (%s, %s) dead-lettered after %d attempts: %s", claimed.id, claimed.topic,
                    claimed.aggregateKey, attempts, error);
        } else {
            counter("retried", claimed.topic).increment();
            LOG.warnf("Outbox message %s (%s) attempt %d failed, next at %s: %s", claimed.id, claimed.topic, attempts,
                    next, error);
        }
    }

    /** Exponential backoff with jitter: between half and all of min(max, initial * 2^(attempts-1)). */
    Duration backoff(int attempts) {
        long initial = config.initialBackoff().toMillis();
        long max = config.maxBackoff().toMillis();
        long exp = attempts >= 31 ? max : Math.min(max, initial * (1L << Math.max(0, attempts - 1)));
        long jittered = exp / 2 + ThreadLocalRandom.current().nextLong(exp / 2 + 1);
        return Duration.ofMillis(Math.max(1, jittered));
    }

    private Counter counter(String outcome, String topic) {
        return metrics.counter("vigie.outbox.messages", "outcome", outcome, "topic", topic);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    private static String truncate(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
