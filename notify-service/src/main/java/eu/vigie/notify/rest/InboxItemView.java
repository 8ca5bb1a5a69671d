package eu.vigie.notify.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import eu.vigie.notify.NotificationKind;

/** An item of a platform's inbox: what was notified, when, and when the platform acknowledged it. */
@Schema(name = "InboxItem")
public record InboxItemView(UUID id, UUID notificationId, NotificationKind kind, String subjectType, UUID subjectId,
        Instant createdAt, Instant acknowledgedAt, JsonNode payload) {
}
