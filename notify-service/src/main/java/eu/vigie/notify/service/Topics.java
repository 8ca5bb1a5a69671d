package eu.vigie.notify.service;

/** The outbox topics of notify-service. */
public final class Topics {

    /** Deliver a notification to its platform's webhook; keyed by the notification id. */
    public static final String WEBHOOK_DELIVERY = "webhook.delivery";
    /** Tell case-service a removal order was sent or received; keyed by the notification id. */
    public static final String DELIVERY_EVENT = "delivery.event";
    /** Forward Annex II / III feedback to case-service; keyed by the notification id, after its delivery events. */
    public static final String FEEDBACK_RECEIVED = "feedback.received";

    private Topics() {
    }
}
