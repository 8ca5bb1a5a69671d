package eu.vigie.notify;

/**
 * PENDING until sent or received; SENT when an e-mail was handed to the mail server (an e-mail is
 * not a receipt); DELIVERED on a receipt (webhook 2xx or inbox acknowledgement); DEAD once the
 * retries were given up.
 */
public enum DeliveryStatus {
    PENDING,
    SENT,
    DELIVERED,
    DEAD
}
