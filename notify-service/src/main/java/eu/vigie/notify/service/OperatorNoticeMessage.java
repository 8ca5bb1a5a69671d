package eu.vigie.notify.service;

import java.time.Instant;
import java.util.UUID;

/** The outbox payload of {@link Topics#OPERATOR_NOTICE}: a delivery given up, and what operators need to act. */
public record OperatorNoticeMessage(UUID deliveryId, UUID notificationId, String channel, String target, String kind,
        String recipientType, String recipient, String subjectType, UUID subjectId, int attempts, String lastError,
        Instant deadAt) {
}
