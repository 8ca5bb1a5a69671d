package eu.vigie.notify.service;

import java.time.Instant;
import java.util.UUID;

import eu.vigie.notify.DeliveryChannel;

/** The outbox payload of {@link Topics#DELIVERY_EVENT}; the eventId is chosen once, so retries are replays. */
// read and written only through ObjectMapper (outbox payload): registered for native images
@io.quarkus.runtime.annotations.RegisterForReflection
public record DeliveryEventMessage(UUID eventId, String type, Instant at, DeliveryChannel channel, UUID notificationId,
        UUID deliveryId, String subjectType, UUID subjectId) {

    public static final String SENT = "SENT";
    public static final String RECEIVED = "RECEIVED";
}
