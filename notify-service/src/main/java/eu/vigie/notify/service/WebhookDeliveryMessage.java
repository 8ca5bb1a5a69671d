package eu.vigie.notify.service;

import java.util.UUID;

/** The outbox payload of {@link Topics#WEBHOOK_DELIVERY}. */
public record WebhookDeliveryMessage(UUID notificationId, UUID deliveryId) {
}
