package eu.vigie.notify.service;

import java.util.UUID;

/** The outbox topics of notify-service. */
public final class Topics {

    /** Deliver a notification to its recipient's webhook; keyed by {@link #webhookKey}. */
    public static final String WEBHOOK_DELIVERY = "webhook.delivery";
    /** Deliver a notification by e-mail to a contact point without a webhook; keyed by {@link #emailKey}. */
    public static final String EMAIL_DELIVERY = "email.delivery";
    /** Tell case-service a removal order was sent or received; keyed by the notification id. */
    public static final String DELIVERY_EVENT = "delivery.event";
    /** Forward Annex II / III feedback to case-service; keyed by the notification id, after its delivery events. */
    public static final String FEEDBACK_RECEIVED = "feedback.received";
    /** Forward a platform's request for scrutiny to case-service; keyed by the notification id, after its delivery events. */
    public static final String SCRUTINY_REQUESTED = "scrutiny-request.received";
    /** Tell the operators that a delivery was given up; keyed by the delivery id. */
    public static final String OPERATOR_NOTICE = "operator.notice";

    private Topics() {
    }

    /**
     * A webhook's retries must not hold back the messages keyed by the notification (a receipt through
     * the inbox reaches case-service while the webhook is still failing), so each channel has its own key.
     */
    public static String webhookKey(UUID notificationId) {
        return "webhook:" + notificationId;
    }

    public static String emailKey(UUID notificationId) {
        return "email:" + notificationId;
    }
}
