package eu.vigie.notify.service;

import java.util.UUID;

/** The outbox payload of {@link Topics#WEBHOOK_DELIVERY}. */
// read and written only through ObjectMapper (outbox payload): registered for native images
@io.quarkus.runtime.annotations.RegisterForReflection
public record WebhookDeliveryMessage(UUID notificationId, UUID deliveryId) {
}
