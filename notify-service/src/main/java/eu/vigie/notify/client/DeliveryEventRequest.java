package eu.vigie.notify.client;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import eu.vigie.notify.DeliveryChannel;

/**
 * The body of case-service's {@code POST /api/v1/removal-orders/{id}/delivery-events}, idempotent by eventId (and a
 * carried SENT event by sentEventId).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryEventRequest(UUID eventId, String type, Instant at, DeliveryChannel channel, UUID notificationId,
        UUID deliveryId, UUID sentEventId, Instant sentAt) {
}
