package eu.vigie.cases.service;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.cases.client.Notification;
import eu.vigie.cases.client.NotifyClient;
import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.outbox.OutboxHandler;
import eu.vigie.common.outbox.OutboxMessage;
import eu.vigie.common.outbox.OutboxRejectedException;

/**
 * Delivers the notifications an order's life asks for other than the order itself (pre-notice,
 * cross-border copy, breach notice, scrutiny decision, reinstatement) to notify-service. Keyed by
 * the order's id, so they reach notify in the order they were decided, after the order's own.
 */
@ApplicationScoped
public class NotificationRequestedHandler implements OutboxHandler {

    public static final String TOPIC = "notification.requested";

    private final Outbox outbox;
    private final NotifyClient notify;

    public NotificationRequestedHandler(Outbox outbox, NotifyClient notify) {
        this.outbox = outbox;
        this.notify = notify;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    /** A removal order and what goes with it run against the legal hour: never behind other topics. */
    @Override
    public boolean urgent() {
        return true;
    }

    @Override
    public void handle(OutboxMessage message) {
        Notification notification = outbox.read(message, Notification.class);
        try {
            notify.send(notification);
        } catch (NotifyClient.NotificationRefusedException e) {
            throw new OutboxRejectedException(e.getMessage(), e);
        }
    }
}
