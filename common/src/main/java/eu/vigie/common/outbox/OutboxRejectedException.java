package eu.vigie.common.outbox;

/** Thrown by a handler when retrying cannot help: the message goes straight to the dead letters. */
public class OutboxRejectedException extends RuntimeException {

    public OutboxRejectedException(String message) {
        super(message);
    }

    public OutboxRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
