package eu.vigie.common.outbox;

/**
 * Delivers the outbox messages of one topic to a neighbour. Delivery is at least once: the handler
 * may see a message again after a crash, so what it calls must be idempotent (every Vigie receiver
 * is, keyed by the message's own id or the subject's id).
 */
public interface OutboxHandler {

    /** The topic this handler delivers. */
    String topic();

    /**
     * Whether this topic's messages run against a legal clock (a removal order on its way to the
     * provider): they are claimed before any other due message, and a quarter of the delivery threads
     * (at least one) is kept for them, so they never wait behind slow deliveries of other topics.
     */
    default boolean urgent() {
        return false;
    }

    /**
     * Delivers one message. Returning normally marks it delivered; a {@link OutboxRejectedException}
     * dead-letters it at once; any other exception schedules a retry with backoff.
     */
    void handle(OutboxMessage message) throws Exception;
}
