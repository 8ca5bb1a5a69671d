package eu.vigie.notify.service;

import java.time.Instant;
import java.util.UUID;

import eu.vigie.notify.DeliveryChannel;

/**
 * The outbox payload of {@link Topics#DELIVERY_EVENT}; the eventId is chosen once, so retries are replays. A RECEIVED
 * event may carry the SENT event of the same delivery ({@code sentEventId}, {@code sentAt}, both or neither) when the
 * sending and the receipt were one exchange; messages written before that have neither.
 */
// read and written only through ObjectMapper (outbox payload): registered for native images
@io.quarkus.runtime.annotations.RegisterForReflection
public record DeliveryEventMessage(UUID eventId, String type, Instant at, DeliveryChannel channel, UUID notificationId,
        UUID deliveryId, String subjectType, UUID subjectId, UUID sentEventId, Instant sentAt) {

    public static final String SENT = "SENT";
    public static final String RECEIVED = "RECEIVED";
}
