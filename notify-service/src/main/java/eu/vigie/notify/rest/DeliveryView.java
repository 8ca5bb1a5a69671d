package eu.vigie.notify.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.notify.DeliveryChannel;
import eu.vigie.notify.DeliveryStatus;
import eu.vigie.notify.NotificationKind;

/** The proof of one delivery: what, to whom, by which channel, when sent and received, and every attempt. */
@Schema(name = "Delivery")
public record DeliveryView(UUID id, UUID notificationId, NotificationKind kind, String platformId, String subjectType,
        UUID subjectId, String jurisdiction, DeliveryChannel channel, String target, DeliveryStatus status,
        Instant createdAt, Instant sentAt, Instant receivedAt, Instant deadAt, List<Attempt> attempts) {

    /** One webhook attempt: when, where, what came back (or why nothing did), how long it took. */
    @Schema(name = "DeliveryAttempt")
    public record Attempt(Instant attemptedAt, String target, Integer statusCode, long latencyMs, String error) {
    }
}
