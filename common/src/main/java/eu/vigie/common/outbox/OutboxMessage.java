package eu.vigie.common.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A message written in the same transaction as the change it announces, and relayed to a
 * neighbour afterwards until the neighbour has taken it. Every service's first migration creates
 * the table {@code outbox_message}.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Order of creation: messages with the same key are relayed in this order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    public String topic;

    /** Messages about the same thing (a referral, an order) are relayed one after the other. */
    @Column(name = "aggregate_key")
    public String aggregateKey;

    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "dead_at")
    public Instant deadAt;

    /** {@link #URGENT} or {@link #ROUTINE}: urgent messages are claimed first (see {@link OutboxHandler#urgent()}). */
    public short priority = ROUTINE;

    /**
     * The {@link #seq} of the message with the same key that was pending when this one was written,
     * if any: this one is relayed only once that one is delivered or dead.
     */
    @Column(name = "after_seq")
    public Long afterSeq;

    public static final short URGENT = 0;
    public static final short ROUTINE = 1;
}
