package eu.vigie.notify;

/** A notification is PENDING until the platform's first receipt (webhook 2xx or inbox ack) makes it DELIVERED. */
public enum NotificationStatus {
    PENDING,
    DELIVERED
}
