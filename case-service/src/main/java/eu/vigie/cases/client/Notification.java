package eu.vigie.cases.client;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import eu.vigie.cases.RemovalOrder;

/**
 * A notification for notify-service (ARCHITECTURE.md, "notify: POST /api/v1/notifications"),
 * idempotent by {@code id}: for a removal order's delivery, the order's id; for every other
 * notification about an order, a name-based UUID of the order's id and the notification's purpose,
 * so that re-sending it can never create a second one. {@code recipientType} and {@code recipient}
 * are given for notifications to an authority (recipientType AUTHORITY, recipient its jurisdiction);
 * without them the platform is the recipient.
 */
// read and written only through ObjectMapper (outbox payload): registered for native images
@io.quarkus.runtime.annotations.RegisterForReflection
public record Notification(UUID id, String kind, String platformId, String subjectType, UUID subjectId,
        String jurisdiction, @JsonInclude(JsonInclude.Include.NON_NULL) String recipientType,
        @JsonInclude(JsonInclude.Include.NON_NULL) String recipient, Map<String, Object> payload) {

    public static final String REMOVAL_ORDER = "REMOVAL_ORDER";
    public static final String REFERRAL = "REFERRAL";
    public static final String PRE_NOTICE = "PRE_NOTICE";
    public static final String CROSS_BORDER_COPY = "CROSS_BORDER_COPY";
    public static final String BREACH_NOTICE = "BREACH_NOTICE";
    public static final String SCRUTINY_DECISION = "SCRUTINY_DECISION";
    public static final String REINSTATEMENT = "REINSTATEMENT";
    public static final String AUTHORITY = "AUTHORITY";

    public static Notification removalOrder(RemovalOrder order, Map<String, Object> signedDocument) {
        return new Notification(order.id, REMOVAL_ORDER, order.platformId, REMOVAL_ORDER, order.id,
                order.issuingJurisdiction, null, null, signedDocument);
    }

    /** A voluntary referral to its platform; the notification's id is the referral's. */
    public static Notification referral(eu.vigie.cases.VoluntaryReferral referral, Map<String, Object> payload) {
        return new Notification(referral.id, REFERRAL, referral.platformId, REFERRAL, referral.id,
                referral.issuingJurisdiction, null, null, payload);
    }

    /** A notification about {@code order} to its platform. */
    public static Notification toPlatform(RemovalOrder order, String kind, String purpose, Map<String, Object> payload) {
        return new Notification(idFor(order.id, purpose), kind, order.platformId, REMOVAL_ORDER, order.id,
                order.issuingJurisdiction, null, null, payload);
    }

    /** A notification about {@code order} to the competent authority of {@code authorityJurisdiction}. */
    public static Notification toAuthority(RemovalOrder order, String kind, String purpose,
            String authorityJurisdiction, Map<String, Object> payload) {
        return new Notification(idFor(order.id, purpose), kind, order.platformId, REMOVAL_ORDER, order.id,
                order.issuingJurisdiction, AUTHORITY, authorityJurisdiction, payload);
    }

    /** The deterministic id of the notification about {@code orderId} for {@code purpose} (e.g. "breach"). */
    public static UUID idFor(UUID orderId, String purpose) {
        return UUID.nameUUIDFromBytes((orderId + purpose).getBytes(StandardCharsets.UTF_8));
    }
}
