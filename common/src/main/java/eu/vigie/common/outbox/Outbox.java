package eu.vigie.common.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes messages for neighbours in the caller's transaction: the message exists if and only if
 * the change it announces was committed. The relay is woken as soon as the transaction commits.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_message (id, topic, aggregate_key, payload, created_at, attempts, next_attempt_at, priority,
                                        after_seq)
            VALUES (:id, :topic, :key, :payload, :now, 0, :now, :priority,
                    (SELECT max(p.seq) FROM outbox_message p
                     WHERE p.aggregate_key = :key AND p.delivered_at IS NULL AND p.dead_at IS NULL))
            """;

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(EntityManager em, ObjectMapper mapper, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.em = em;
        this.mapper = mapper;
        this.transactions = transactions;
        this.relay = relay;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(String topic, String aggregateKey, Object payload) {
        String body;
        try {
            body = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Outbox payload for " + topic + " cannot be written as JSON", e);
        }
        UUID id = UUID.randomUUID();
        // One statement: the message, and the key's last pending message (written before this one) as the one it
        // waits for.
        em.createNativeQuery(INSERT)
                .setParameter("id", id)
                .setParameter("topic", topic)
                .setParameter("key", aggregateKey)
                .setParameter("payload", body)
                .setParameter("now", Instant.now())
                .setParameter("priority", relay.isUrgent(topic) ? OutboxMessage.URGENT : OutboxMessage.ROUTINE)
                // Touches only this table: the caller's other changes are neither flushed early nor evicted from caches.
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("outbox_message")
                .executeUpdate();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
        return id;
    }

    /** Reads a message's payload as the given type. */
    public <T> T read(OutboxMessage message, Class<T> type) {
        try {
            return mapper.readValue(message.payload, type);
        } catch (JsonProcessingException e) {
            throw new OutboxRejectedException("Outbox message " + message.id + " is not a valid " + type.getSimpleName(), e);
        }
    }
}
