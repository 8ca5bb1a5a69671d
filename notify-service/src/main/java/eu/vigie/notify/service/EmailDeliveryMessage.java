package eu.vigie.notify.service;

import java.util.UUID;

/** The outbox payload of {@link Topics#EMAIL_DELIVERY}. */
public record EmailDeliveryMessage(UUID notificationId, UUID deliveryId) {
}
