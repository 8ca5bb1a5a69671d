package eu.vigie.cases.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import eu.vigie.cases.DeliveryEvent;

/** A delivery event from notify-service (ARCHITECTURE.md, "case: POST /api/v1/removal-orders/{id}/delivery-events"). */
public record DeliveryEventRequest(@NotNull UUID eventId, @NotNull DeliveryEvent.Type type, @NotNull Instant at,
        DeliveryEvent.Channel channel, UUID notificationId, UUID deliveryId) {
}
