package eu.vigie.notify.service;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.outbox.OutboxHandler;
import eu.vigie.common.outbox.OutboxMessage;
import eu.vigie.common.outbox.OutboxRejectedException;
import eu.vigie.notify.client.CaseServiceClient;
import eu.vigie.notify.client.CaseServiceRejectedException;
import eu.vigie.notify.client.DeliveryEventRequest;

/** Tells case-service that a removal order was sent or received (which starts its one-hour clock). */
@ApplicationScoped
public class DeliveryEventHandler implements OutboxHandler {

    private final Outbox outbox;
    private final CaseServiceClient cases;

    public DeliveryEventHandler(Outbox outbox, CaseServiceClient cases) {
        this.outbox = outbox;
        this.cases = cases;
    }

    @Override
    public String topic() {
        return Topics.DELIVERY_EVENT;
    }

    @Override
    public void handle(OutboxMessage message) {
        DeliveryEventMessage event = outbox.read(message, DeliveryEventMessage.class);
        if (!"REMOVAL_ORDER".equals(event.subjectType())) {
            return; // only removal orders have a clock in case-service
        }
        try {
            cases.deliveryEvent(event.subjectId(), new DeliveryEventRequest(event.eventId(), event.type(), event.at(),
                    event.channel(), event.notificationId(), event.deliveryId(), event.sentEventId(), event.sentAt()));
        } catch (CaseServiceRejectedException e) {
            throw new OutboxRejectedException(e.getMessage(), e);
        }
    }
}
