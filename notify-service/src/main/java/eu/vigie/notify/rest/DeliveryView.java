package eu.vigie.notify.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.notify.DeliveryChannel;
import eu.vigie.notify.DeliveryStatus;
import eu.vigie.notify.NotificationKind;
import eu.vigie.notify.RecipientType;

/** The proof of one delivery: what, to whom, by which channel, when sent and received, and every attempt. */
@Schema(name = "Delivery")
public record DeliveryView(UUID id, UUID notificationId, NotificationKind kind, RecipientType recipientType,
        String recipient, String platformId,
        @Schema(description = "AUTHORITY: the platform the notice is about, as the sender named it") String platformConcerned,
        String subjectType, UUID subjectId, String jurisdiction,
        DeliveryChannel channel, String target, DeliveryStatus status, Instant createdAt, Instant sentAt,
        Instant receivedAt, Instant deadAt,
        @Schema(description = "What the record must say beside its times, e.g. that an e-mail is not a receipt") String note,
        @Schema(description = "EMAIL: the Message-ID every copy carries") String messageId,
        List<Attempt> attempts) {

    /**
     * One attempt: when, where, what came back (the HTTP status of a webhook; null for an e-mail the
     * SMTP server accepted, or when nothing came back), why it failed, how long it took.
     */
    @Schema(name = "DeliveryAttempt")
    public record Attempt(Instant attemptedAt, String target, Integer statusCode, long latencyMs, String error) {
    }
}
