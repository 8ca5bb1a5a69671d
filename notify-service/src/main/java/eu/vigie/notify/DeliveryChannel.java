package eu.vigie.notify;

/** How a notification reaches a platform; the values of the {@code channel} of delivery events. */
public enum DeliveryChannel {
    WEBHOOK,
    EMAIL,
    INBOX
}
