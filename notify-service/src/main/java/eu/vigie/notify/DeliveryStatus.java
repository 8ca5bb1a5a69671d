package eu.vigie.notify;

/** PENDING until a receipt (DELIVERED), or DEAD once the webhook retries are given up. */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    DEAD
}
