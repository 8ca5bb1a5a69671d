package eu.vigie.common.outbox;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

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
            VALUES (?, ?, ?, ?, ?, 0, ?, ?,
                    (SELECT max(p.seq) FROM outbox_message p
                     WHERE p.aggregate_key = ? AND p.delivered_at IS NULL AND p.dead_at IS NULL))
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

    /** A message for {@link #enqueueAll}: its aggregate key (messages of one key are relayed in order) and payload. */
    public record Message(String aggregateKey, Object payload) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(String topic, String aggregateKey, Object payload) {
        return enqueueAll(topic, List.of(new Message(aggregateKey, payload))).get(0);
    }

    /**
     * Writes messages of one topic in the caller's transaction, in one round trip to the database (a JDBC batch of
     * the insert), in the given order; answers their ids in that order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> enqueueAll(String topic, List<Message> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<String> bodies = new ArrayList<>(messages.size());
        for (Message message : messages) {
            try {
                bodies.add(mapper.writeValueAsString(message.payload()));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Outbox payload for " + topic + " cannot be written as JSON", e);
            }
        }
        List<UUID> ids = new ArrayList<>(messages.size());
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        short priority = relay.isUrgent(topic) ? OutboxMessage.URGENT : OutboxMessage.ROUTINE;
        // Each message, with the key's last pending message (written before it, in an earlier transaction or earlier
        // in this batch) as the one it waits for. The statement touches only this table: the caller's other changes
        // are neither flushed early nor evicted from caches.
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int i = 0; i < messages.size(); i++) {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    String key = messages.get(i).aggregateKey();
                    insert.setObject(1, id);
                    insert.setString(2, topic);
                    insert.setString(3, key);
                    insert.setString(4, bodies.get(i));
                    insert.setObject(5, now);
                    insert.setObject(6, now);
                    insert.setShort(7, priority);
                    insert.setString(8, key);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
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
        return ids;
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
