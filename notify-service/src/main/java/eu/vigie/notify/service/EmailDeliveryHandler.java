package eu.vigie.notify.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.outbox.OutboxHandler;
import eu.vigie.common.outbox.OutboxMessage;
import eu.vigie.common.outbox.OutboxRejectedException;
import eu.vigie.notify.Delivery;
import eu.vigie.notify.DeliveryStatus;
import eu.vigie.notify.Notification;
import eu.vigie.notify.Platform;
import eu.vigie.notify.RecipientType;
import eu.vigie.notify.config.NotifyConfig;
import eu.vigie.notify.repository.DeliveryRepository;
import eu.vigie.notify.repository.InboxItemRepository;
import eu.vigie.notify.repository.NotificationRepository;
import eu.vigie.notify.repository.PlatformRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Delivers a notification by e-mail to a contact point without a webhook, one attempt per call, every
 * attempt recorded in its own transaction. Every copy carries the same Message-ID, so a copy sent
 * again after a crash is recognised. The SMTP server's acceptance makes the delivery SENT, never
 * DELIVERED: an e-mail is not a receipt. A failure throws, so the outbox retries with backoff and,
 * after {@code vigie.outbox.dead-after}, dead-letters the message.
 */
@ApplicationScoped
public class EmailDeliveryHandler implements OutboxHandler {


    record Prepared(String address, EmailTemplates.Rendered mail, String messageId) {
    }

    private final Outbox outbox;
    private final NotificationRepository notifications;
    private final DeliveryRepository deliveries;
    private final DeliveryAttempts attempts;
    private final PlatformRepository platforms;
    private final InboxItemRepository inbox;
    private final Recipients recipients;
    private final EmailTemplates templates;
    private final MailSender mailer;
    private final Receipts receipts;
    private final NotifyConfig config;

    public EmailDeliveryHandler(Outbox outbox, NotificationRepository notifications, DeliveryRepository deliveries,
            DeliveryAttempts attempts, PlatformRepository platforms, InboxItemRepository inbox,
            Recipients recipients, EmailTemplates templates, MailSender mailer, Receipts receipts, NotifyConfig config) {
        this.outbox = outbox;
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.platforms = platforms;
        this.inbox = inbox;
        this.recipients = recipients;
        this.templates = templates;
        this.mailer = mailer;
        this.receipts = receipts;
        this.config = config;
    }

    @Override
    public String topic() {
        return Topics.EMAIL_DELIVERY;
    }

    /** Deliveries to providers (removal orders among them) run against the legal hour: never behind other topics. */
    @Override
    public boolean urgent() {
        return true;
    }

    @Override
    public void handle(OutboxMessage message) {
        EmailDeliveryMessage work = outbox.read(message, EmailDeliveryMessage.class);
        Prepared prepared = QuarkusTransaction.requiringNew().call(() -> prepare(work));
        if (prepared == null) {
            return;
        }
        Instant attemptedAt = Times.now();
        MailSender.Outcome outcome = mailer.send(prepared.address(), prepared.mail().subject(), prepared.mail().text(),
                prepared.messageId());
        QuarkusTransaction.requiringNew().run(() -> record(work, prepared.address(), attemptedAt, outcome));
        if (!outcome.success()) {
            throw new EmailDeliveryFailedException("E-mail delivery of notification " + work.notificationId() + " to "
                    + prepared.address() + " failed: " + outcome.error());
        }
    }

    Prepared prepare(EmailDeliveryMessage work) {
        Delivery delivery = deliveries.findByIdOptional(work.deliveryId())
                .orElseThrow(() -> new OutboxRejectedException("Delivery " + work.deliveryId() + " does not exist"));
        if (delivery.sentAt != null) {
            return null; // the server accepted it already: this is a replay after a crash
        }
        Notification notification = notifications.findByIdOptional(work.notificationId())
                .orElseThrow(() -> new OutboxRejectedException("Notification " + work.notificationId() + " does not exist"));
        Recipients.Contact contact;
        Optional<UUID> inboxItem = Optional.empty();
        if (notification.recipientType == RecipientType.AUTHORITY) {
            contact = recipients.authority(notification.kind, notification.recipient)
                    .orElseThrow(() -> new OutboxRejectedException("The authority of " + notification.recipient
                            + " no longer has a contact point configured"));
        } else {
            Platform platform = platforms.findByIdOptional(notification.platformId)
                    .orElseThrow(() -> new OutboxRejectedException("Platform " + notification.platformId + " does not exist"));
            contact = recipients.platform(platform);
            inboxItem = inbox.findByNotification(notification.id).map(i -> i.id);
        }
        String address = contact.email().orElseThrow(() -> new OutboxRejectedException(
                "The recipient of notification " + notification.id + " no longer has an e-mail address"));
        EmailTemplates.Rendered mail = templates.render(notification, contact.languages(), config.publicUrl(), inboxItem);
        return new Prepared(address, mail, delivery.messageId);
    }

    void record(EmailDeliveryMessage work, String address, Instant attemptedAt, MailSender.Outcome outcome) {
        Notification notification = notifications.findForUpdate(work.notificationId()).orElseThrow();
        Delivery delivery = deliveries.findById(work.deliveryId());
        attempts.record(delivery, attemptedAt, "mailto:" + address, null, outcome.latencyMs(), outcome.error());
        if (outcome.success()) {
            receipts.sent(notification, delivery, outcome.completedAt());
            if (delivery.status == DeliveryStatus.PENDING) {
                delivery.status = DeliveryStatus.SENT;
            }
        }
    }

    /** An e-mail the server did not accept: the outbox retries it. */
    static class EmailDeliveryFailedException extends RuntimeException {
        EmailDeliveryFailedException(String message) {
            super(message, null, false, false);
        }
    }
}
