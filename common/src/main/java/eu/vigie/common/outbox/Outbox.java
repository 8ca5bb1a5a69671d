package eu.vigie.common.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes messages for neighbours in the caller's transaction: the message exists if and only if
 * the change it announces was committed. The relay is woken as soon as the transaction commits.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(ObjectMapper mapper, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.mapper = mapper;
        this.transactions = transactions;
        this.relay = relay;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(String topic, String aggregateKey, Object payload) {
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.randomUUID();
        message.topic = topic;
        message.aggregateKey = aggregateKey;
        try {
            message.payload = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Outbox payload for " + topic + " cannot be written as JSON", e);
        }
        Instant now = Instant.now();
        message.createdAt = now;
        message.nextAttemptAt = now;
        message.priority = relay.isUrgent(topic) ? OutboxMessage.URGENT : OutboxMessage.ROUTINE;
        // The key's last pending message, written before this one (flushed first if in this transaction).
        message.afterSeq = OutboxMessage.getEntityManager().createQuery("select max(m.seq) from OutboxMessage m"
                + " where m.aggregateKey = ?1 and m.deliveredAt is null and m.deadAt is null", Long.class)
                .setParameter(1, aggregateKey).getSingleResult();
        message.persist();
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
        return message.id;
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
