package eu.vigie.cases.client;

import java.util.Map;
import java.util.UUID;

import eu.vigie.cases.RemovalOrder;

/**
 * A notification for notify-service (ARCHITECTURE.md, "notify: POST /api/v1/notifications"),
 * idempotent by {@code id}: for a removal order's delivery, the order's id.
 */
// read and written only through ObjectMapper (outbox payload): registered for native images
@io.quarkus.runtime.annotations.RegisterForReflection
public record Notification(UUID id, String kind, String platformId, String subjectType, UUID subjectId,
        String jurisdiction, Map<String, Object> payload) {

    public static final String REMOVAL_ORDER = "REMOVAL_ORDER";

    public static Notification removalOrder(RemovalOrder order, Map<String, Object> signedDocument) {
        return new Notification(order.id, REMOVAL_ORDER, order.platformId, REMOVAL_ORDER, order.id,
                order.issuingJurisdiction, signedDocument);
    }
}
