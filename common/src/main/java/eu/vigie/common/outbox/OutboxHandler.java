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
     * Delivers one message. Returning normally marks it delivered; a {@link OutboxRejectedException}
     * dead-letters it at once; any other exception schedules a retry with backoff.
     */
    void handle(OutboxMessage message) throws Exception;
}
