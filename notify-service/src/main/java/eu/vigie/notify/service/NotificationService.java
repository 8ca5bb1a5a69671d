package eu.vigie.notify.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.notify.Delivery;
import eu.vigie.notify.DeliveryChannel;
import eu.vigie.notify.DeliveryStatus;
import eu.vigie.notify.InboxItem;
import eu.vigie.notify.Notification;
import eu.vigie.notify.NotificationKind;
import eu.vigie.notify.NotificationStatus;
import eu.vigie.notify.Platform;
import eu.vigie.notify.repository.DeliveryRepository;
import eu.vigie.notify.repository.InboxItemRepository;
import eu.vigie.notify.repository.NotificationRepository;
import eu.vigie.notify.repository.PlatformRepository;
import eu.vigie.notify.rest.NotificationRequest;

/**
 * Takes notifications from neighbours: in one transaction the notification, its platform's inbox
 * item, its deliveries, and the outbox message that starts the webhook delivery.
 */
@ApplicationScoped
public class NotificationService {

    private final NotificationRepository notifications;
    private final InboxItemRepository inbox;
    private final DeliveryRepository deliveries;
    private final PlatformRepository platforms;
    private final Outbox outbox;
    private final Receipts receipts;
    private final ObjectMapper mapper;

    public NotificationService(NotificationRepository notifications, InboxItemRepository inbox,
            DeliveryRepository deliveries, PlatformRepository platforms, Outbox outbox, Receipts receipts,
            ObjectMapper mapper) {
        this.notifications = notifications;
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.platforms = platforms;
        this.outbox = outbox;
        this.receipts = receipts;
        this.mapper = mapper;
    }

    public Optional<Notification> find(UUID id) {
        return notifications.findByIdOptional(id);
    }

    /** Accepts a notification, or answers the stored one for a replay of the same request. */
    @Transactional
    public Notification accept(NotificationRequest request) {
        if (!request.payload().isObject()) {
            throw ProblemException.invalidField("payload", "must be a JSON object");
        }
        Optional<Notification> existing = notifications.findByIdOptional(request.id());
        if (existing.isPresent()) {
            return replay(existing.get(), request);
        }
        Platform platform = platforms.findByIdOptional(request.platformId())
                .orElseThrow(() -> ProblemException.unprocessable("unknown-platform", "Unknown platform",
                        "No platform " + request.platformId() + " is registered"));
        Instant now = Times.now();

        Notification notification = new Notification();
        notification.id = request.id();
        notification.kind = request.kind();
        notification.platformId = platform.id;
        notification.subjectType = request.subjectType();
        notification.subjectId = request.subjectId();
        notification.jurisdiction = request.jurisdiction();
        notification.payload = write(request);
        notification.status = NotificationStatus.PENDING;
        notification.createdAt = now;
        notifications.persist(notification);

        InboxItem item = new InboxItem();
        item.id = UUID.randomUUID();
        item.notificationId = notification.id;
        item.platformId = platform.id;
        item.createdAt = now;
        inbox.persist(item);

        Delivery inboxDelivery = delivery(notification, DeliveryChannel.INBOX, "inbox:" + platform.id, now);
        if (platform.webhookUrl != null) {
            // Placed in the inbox now; "sent" for the order's record is the first webhook attempt.
            inboxDelivery.sentAt = now;
            Delivery webhook = delivery(notification, DeliveryChannel.WEBHOOK, platform.webhookUrl, now);
            deliveries.persist(inboxDelivery);
            deliveries.persist(webhook);
            outbox.enqueue(Topics.WEBHOOK_DELIVERY, notification.id.toString(),
                    new WebhookDeliveryMessage(notification.id, webhook.id));
        } else {
            // No webhook: the inbox is the channel, and placing the item there is the sending.
            deliveries.persist(inboxDelivery);
            receipts.sent(notification, inboxDelivery, now);
        }
        if (request.kind() == NotificationKind.REMOVAL_ORDER && !platform.hasReceivedOrder) {
            platform.hasReceivedOrder = true;
        }
        notifications.flush();
        return notification;
    }

    private Notification replay(Notification stored, NotificationRequest request) {
        boolean same = stored.kind == request.kind() && stored.platformId.equals(request.platformId())
                && stored.subjectType.equals(request.subjectType()) && stored.subjectId.equals(request.subjectId())
                && stored.jurisdiction.equals(request.jurisdiction()) && read(stored.payload).equals(request.payload());
        if (!same) {
            throw ProblemException.unprocessable("notification-id-reused", "Notification id already used",
                    "Notification " + stored.id + " was already accepted with a different content");
        }
        return stored;
    }

    private static Delivery delivery(Notification notification, DeliveryChannel channel, String target, Instant now) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.notificationId = notification.id;
        delivery.channel = channel;
        delivery.target = target;
        delivery.status = DeliveryStatus.PENDING;
        delivery.createdAt = now;
        return delivery;
    }

    private String write(NotificationRequest request) {
        try {
            return mapper.writeValueAsString(request.payload());
        } catch (JsonProcessingException e) {
            throw ProblemException.invalidField("payload", "cannot be stored as JSON");
        }
    }

    private com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored payload is not JSON", e);
        }
    }
}
