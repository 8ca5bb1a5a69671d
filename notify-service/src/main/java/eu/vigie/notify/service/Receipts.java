package eu.vigie.notify.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.vigie.common.outbox.Outbox;
import eu.vigie.notify.Delivery;
import eu.vigie.notify.DeliveryChannel;
import eu.vigie.notify.DeliveryStatus;
import eu.vigie.notify.Notification;
import eu.vigie.notify.NotificationStatus;

/**
 * Records sending and receipt of notifications, and tells case-service about those of removal
 * orders through the outbox, in the caller's transaction. The notification must be locked by the
 * caller ({@code findForUpdate}) so that two channels' receipts are decided one at a time.
 */
@ApplicationScoped
public class Receipts {

    private final Outbox outbox;

    public Receipts(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Marks a delivery sent (first time only) and tells case-service. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sent(Notification notification, Delivery delivery, Instant at) {
        if (markSent(delivery, at)) {
            event(notification, delivery, DeliveryEventMessage.SENT, at);
        }
    }

    /**
     * Records a receipt on this delivery (the first wins); if it is the notification's first receipt
     * by any channel, it is the authenticated record of receipt and case-service is told.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void received(Notification notification, Delivery delivery, Instant at) {
        if (markReceived(notification, delivery, at)) {
            event(notification, delivery, DeliveryEventMessage.RECEIVED, at);
        }
    }

    /**
     * A delivery sent and acknowledged in one exchange (a webhook the platform answered 2xx): records both as
     * {@link #sent} and {@link #received} do, and tells case-service of both in one message when both are news
     * (a RECEIVED event carrying its SENT event), else of whichever is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sentAndReceived(Notification notification, Delivery delivery, Instant sentAt, Instant receivedAt) {
        boolean sentNews = markSent(delivery, sentAt);
        boolean receivedNews = markReceived(notification, delivery, receivedAt);
        if (sentNews && receivedNews) {
            enqueue(notification, delivery, DeliveryEventMessage.RECEIVED, receivedAt, UUID.randomUUID(), sentAt);
        } else if (sentNews) {
            event(notification, delivery, DeliveryEventMessage.SENT, sentAt);
        } else if (receivedNews) {
            event(notification, delivery, DeliveryEventMessage.RECEIVED, receivedAt);
        }
    }

    /** Marks the delivery sent unless it was before; answers whether this is news. */
    private static boolean markSent(Delivery delivery, Instant at) {
        if (delivery.sentAt != null) {
            return false;
        }
        delivery.sentAt = at;
        return true;
    }

    /** Records the receipt on the delivery (the first wins); answers whether it is the notification's first receipt. */
    private static boolean markReceived(Notification notification, Delivery delivery, Instant at) {
        if (delivery.receivedAt == null) {
            delivery.receivedAt = at;
            delivery.status = DeliveryStatus.DELIVERED;
        }
        if (notification.receivedAt != null) {
            return false;
        }
        notification.receivedAt = at;
        notification.receiptChannel = delivery.channel;
        notification.status = NotificationStatus.DELIVERED;
        return true;
    }

    private void event(Notification notification, Delivery delivery, String type, Instant at) {
        enqueue(notification, delivery, type, at, null, null);
    }

    private void enqueue(Notification notification, Delivery delivery, String type, Instant at, UUID sentEventId,
            Instant sentAt) {
        if (!notification.tracksRemovalOrder()) {
            return;
        }
        DeliveryChannel channel = delivery.channel;
        outbox.enqueue(Topics.DELIVERY_EVENT, notification.id.toString(), new DeliveryEventMessage(UUID.randomUUID(),
                type, at, channel, notification.id, delivery.id, notification.subjectType, notification.subjectId,
                sentEventId, sentAt));
    }
}
