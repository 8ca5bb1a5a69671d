package eu.vigie.notify;

/** What a notification tells a platform, and the Standard Webhooks event type it is sent as. */
public enum NotificationKind {
    REMOVAL_ORDER("removal_order.issued"),
    REFERRAL("referral.issued"),
    PRE_NOTICE("pre_notice.issued"),
    CROSS_BORDER_COPY("cross_border_copy.issued"),
    BREACH_NOTICE("breach_notice.issued"),
    SCRUTINY_DECISION("scrutiny_decision.issued");

    private final String eventType;

    NotificationKind(String eventType) {
        this.eventType = eventType;
    }

    /** The {@code type} of the webhook body. */
    public String eventType() {
        return eventType;
    }
}
