package eu.vigie.notify;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a notification tells its recipient, the Standard Webhooks event type it is sent as, and to
 * whom it may go.
 */
public enum NotificationKind {
    REMOVAL_ORDER("removal_order.issued", EnumSet.of(RecipientType.PLATFORM)),
    REFERRAL("referral.issued", EnumSet.of(RecipientType.PLATFORM)),
    PRE_NOTICE("pre_notice.issued", EnumSet.of(RecipientType.PLATFORM)),
    CROSS_BORDER_COPY("cross_border_copy.issued", EnumSet.of(RecipientType.AUTHORITY)),
    BREACH_NOTICE("breach_notice.issued", EnumSet.of(RecipientType.AUTHORITY)),
    SCRUTINY_DECISION("scrutiny_decision.issued", EnumSet.of(RecipientType.PLATFORM, RecipientType.AUTHORITY)),
    WITHDRAWAL("removal_order.withdrawn", EnumSet.of(RecipientType.PLATFORM)),
    REINSTATEMENT("content.reinstatement_required", EnumSet.of(RecipientType.PLATFORM));

    private final String eventType;
    private final Set<RecipientType> recipients;

    NotificationKind(String eventType, Set<RecipientType> recipients) {
        this.eventType = eventType;
        this.recipients = recipients;
    }

    /** The {@code type} of the webhook body. */
    public String eventType() {
        return eventType;
    }

    /** Whether a notification of this kind may be addressed to this type of recipient. */
    public boolean mayGoTo(RecipientType type) {
        return recipients.contains(type);
    }

    /** Recipient types this kind may be addressed to. */
    public Set<RecipientType> recipientTypes() {
        return recipients;
    }
}
