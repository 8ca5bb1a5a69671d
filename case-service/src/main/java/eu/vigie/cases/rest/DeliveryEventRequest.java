package eu.vigie.cases.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.cases.DeliveryEvent;

/**
 * A delivery event from notify-service (ARCHITECTURE.md, "case: POST /api/v1/removal-orders/{id}/delivery-events").
 * A RECEIVED event may carry the SENT event of the same delivery ({@code sentEventId}, {@code sentAt}) when the
 * sending and the receipt were one exchange (a webhook the platform acknowledged): both are recorded, SENT first,
 * each idempotent by its own id, as if they had come one after the other.
 */
public record DeliveryEventRequest(@NotNull UUID eventId, @NotNull DeliveryEvent.Type type, @NotNull Instant at,
        DeliveryEvent.Channel channel, UUID notificationId, UUID deliveryId,
        @Schema(description = "The id of the SENT event of the same delivery, carried with its RECEIVED event; "
                + "given together with sentAt") UUID sentEventId,
        @Schema(description = "When the delivery was sent; given together with sentEventId") Instant sentAt) {

    /** The event alone, without a SENT event carried with it. */
    public DeliveryEventRequest(UUID eventId, DeliveryEvent.Type type, Instant at, DeliveryEvent.Channel channel,
            UUID notificationId, UUID deliveryId) {
        this(eventId, type, at, channel, notificationId, deliveryId, null, null);
    }
}
