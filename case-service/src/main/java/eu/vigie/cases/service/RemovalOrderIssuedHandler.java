package eu.vigie.cases.service;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.cases.client.Notification;
import eu.vigie.cases.client.NotifyClient;
import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.outbox.OutboxHandler;
import eu.vigie.common.outbox.OutboxMessage;
import eu.vigie.common.outbox.OutboxRejectedException;

/** Delivers issued removal orders to notify-service, which delivers them to the provider. */
@ApplicationScoped
public class RemovalOrderIssuedHandler implements OutboxHandler {

    private final Outbox outbox;
    private final NotifyClient notify;

    public RemovalOrderIssuedHandler(Outbox outbox, NotifyClient notify) {
        this.outbox = outbox;
        this.notify = notify;
    }

    @Override
    public String topic() {
        return RemovalOrderService.ISSUED_TOPIC;
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
