package eu.vigie.notify.service;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.outbox.OutboxHandler;
import eu.vigie.common.outbox.OutboxMessage;
import eu.vigie.common.outbox.OutboxRejectedException;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.notify.Delivery;
import eu.vigie.notify.Notification;
import eu.vigie.notify.Platform;
import eu.vigie.notify.RecipientType;
import eu.vigie.notify.repository.DeliveryRepository;
import eu.vigie.notify.repository.NotificationRepository;
import eu.vigie.notify.repository.PlatformRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Delivers a notification to its recipient's webhook (a platform's, or an authority's) (Standard Webhooks), one attempt per call: the
 * target is checked again, the request signed with every secret valid now, and the attempt recorded
 * in its own transaction whatever its outcome. A 2xx is the receipt; anything else throws, so the
 * outbox retries with backoff and, after {@code vigie.outbox.dead-after}, dead-letters the message.
 */
@ApplicationScoped
public class WebhookDeliveryHandler implements OutboxHandler {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryHandler.class);

    /** What an attempt needs, read in a short transaction before the network call. */
    record Prepared(URI target, String body, List<byte[]> keys) {
    }

    private final Outbox outbox;
    private final NotificationRepository notifications;
    private final DeliveryRepository deliveries;
    private final DeliveryAttempts attempts;
    private final PlatformRepository platforms;
    private final Recipients recipients;
    private final WebhookTargetPolicy targets;
    private final WebhookSender sender;
    private final Receipts receipts;
    private final ObjectMapper mapper;

    public WebhookDeliveryHandler(Outbox outbox, NotificationRepository notifications, DeliveryRepository deliveries,
            DeliveryAttempts attempts, PlatformRepository platforms, Recipients recipients,
            WebhookTargetPolicy targets, WebhookSender sender, Receipts receipts, ObjectMapper mapper) {
        this.outbox = outbox;
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.platforms = platforms;
        this.recipients = recipients;
        this.targets = targets;
        this.sender = sender;
        this.receipts = receipts;
        this.mapper = mapper;
    }

    @Override
    public String topic() {
        return Topics.WEBHOOK_DELIVERY;
    }

    /** Deliveries to providers (removal orders among them) run against the legal hour: never behind other topics. */
    @Override
    public boolean urgent() {
        return true;
    }

    @Override
    public void handle(OutboxMessage message) {
        WebhookDeliveryMessage work = outbox.read(message, WebhookDeliveryMessage.class);
        Prepared prepared = QuarkusTransaction.requiringNew().call(() -> prepare(work));
        if (prepared == null) {
            return;
        }
        Instant attemptedAt = Times.now();
        WebhookSender.Outcome outcome;
        boolean reachedNetwork;
        try {
            // DNS may have changed since registration: the name is resolved and checked again before every
            // attempt, and the request goes to the address checked (pinned), not to a second resolution.
            WebhookTargetPolicy.CheckedTarget checked = targets.resolve(prepared.target().toString());
            long timestamp = Instant.now().getEpochSecond();
            String webhookId = work.notificationId().toString();
            String signature = WebhookSigner.signature(webhookId, timestamp, prepared.body(), prepared.keys());
            outcome = sender.post(checked, webhookId, timestamp, signature, prepared.body());
            reachedNetwork = true;
        } catch (ProblemException refused) {
            outcome = WebhookSender.refused("target refused: " + refused.getMessage(), attemptedAt);
            reachedNetwork = false;
        }
        WebhookSender.Outcome result = outcome;
        boolean sent = reachedNetwork;
        QuarkusTransaction.requiringNew().run(() -> record(work, prepared.target(), attemptedAt, result, sent));
        if (!result.success()) {
            throw new WebhookDeliveryFailedException("Webhook delivery of notification " + work.notificationId()
                    + " to " + prepared.target() + " failed: " + result.describe());
        }
    }

    Prepared prepare(WebhookDeliveryMessage work) {
        Delivery delivery = deliveries.findByIdOptional(work.deliveryId())
                .orElseThrow(() -> new OutboxRejectedException("Delivery " + work.deliveryId() + " does not exist"));
        if (delivery.receivedAt != null) {
            return null; // a receipt was recorded already: this is a replay after a crash
        }
        Notification notification = notifications.findByIdOptional(work.notificationId())
                .orElseThrow(() -> new OutboxRejectedException("Notification " + work.notificationId() + " does not exist"));
        URI target;
        List<byte[]> keys;
        if (notification.recipientType == RecipientType.AUTHORITY) {
            Recipients.Contact contact = recipients.authority(notification.kind, notification.recipient)
                    .filter(c -> c.webhookUrl().isPresent())
                    .orElseThrow(() -> new OutboxRejectedException("The authority of " + notification.recipient
                            + " no longer has a webhook configured"));
            target = URI.create(contact.webhookUrl().get());
            keys = recipients.authoritySigningKeys(notification.recipient);
        } else {
            Platform platform = platforms.findByIdOptional(notification.platformId)
                    .orElseThrow(() -> new OutboxRejectedException("Platform " + notification.platformId + " does not exist"));
            if (platform.webhookUrl == null || platform.webhookSecret == null) {
                LOG.errorf("Platform %s no longer has a webhook: notification %s stays in its inbox only", platform.id,
                        notification.id);
                throw new OutboxRejectedException("Platform " + platform.id + " no longer has a webhook");
            }
            target = URI.create(platform.webhookUrl);
            keys = recipients.platformSigningKeys(platform, Instant.now());
        }
        ObjectNode body = mapper.createObjectNode();
        body.put("type", notification.kind.eventType());
        body.put("timestamp", notification.createdAt.toString());
        try {
            body.set("data", mapper.readTree(notification.payload));
            return new Prepared(target, mapper.writeValueAsString(body), keys);
        } catch (JsonProcessingException e) {
            throw new OutboxRejectedException("Notification " + notification.id + " has no valid JSON payload", e);
        }
    }

    void record(WebhookDeliveryMessage work, URI target, Instant attemptedAt, WebhookSender.Outcome outcome,
            boolean reachedNetwork) {
        Notification notification = notifications.findForUpdate(work.notificationId()).orElseThrow();
        Delivery delivery = deliveries.findById(work.deliveryId());
        attempts.record(delivery, attemptedAt, target.toString(), outcome.statusCode(), outcome.latencyMs(),
                outcome.error());
        if (reachedNetwork && outcome.success()) {
            receipts.sentAndReceived(notification, delivery, attemptedAt, outcome.completedAt());
        } else if (reachedNetwork) {
            receipts.sent(notification, delivery, attemptedAt);
        } else if (outcome.success()) {
            receipts.received(notification, delivery, outcome.completedAt());
        }
    }

    /** A webhook attempt that did not give a receipt: the outbox retries it. */
    static class WebhookDeliveryFailedException extends RuntimeException {
        WebhookDeliveryFailedException(String message) {
            super(message, null, false, false);
        }
    }
}
