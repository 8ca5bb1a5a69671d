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
import eu.vigie.notify.RecipientType;
import eu.vigie.notify.config.NotifyConfig;
import eu.vigie.notify.repository.DeliveryRepository;
import eu.vigie.notify.repository.InboxItemRepository;
import eu.vigie.notify.repository.NotificationRepository;
import eu.vigie.notify.repository.PlatformRepository;
import eu.vigie.notify.rest.NotificationRequest;

/**
 * Takes notifications from neighbours: in one transaction the notification, its platform's inbox
 * item, its deliveries, and the outbox messages that start the webhook or e-mail delivery.
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
    private final Recipients recipients;
    private final NotifyConfig config;

    public NotificationService(NotificationRepository notifications, InboxItemRepository inbox,
            DeliveryRepository deliveries, PlatformRepository platforms, Outbox outbox, Receipts receipts,
            ObjectMapper mapper, Recipients recipients, NotifyConfig config) {
        this.recipients = recipients;
        this.config = config;
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
        Recipient recipient = recipient(request);
        Optional<Notification> existing = notifications.findByIdOptional(request.id());
        if (existing.isPresent()) {
            return replay(existing.get(), request, recipient);
        }
        Instant now = Times.now();

        Notification notification = new Notification();
        notification.id = request.id();
        notification.kind = request.kind();
        notification.recipientType = recipient.type();
        notification.recipient = recipient.id();
        notification.subjectType = request.subjectType();
        notification.subjectId = request.subjectId();
        notification.jurisdiction = request.jurisdiction();
        notification.payload = write(request);
        notification.status = NotificationStatus.PENDING;
        notification.createdAt = now;

        if (recipient.type() == RecipientType.PLATFORM) {
            Platform platform = platforms.findByIdOptional(recipient.id())
                    .orElseThrow(() -> ProblemException.unprocessable("unknown-platform", "Unknown platform",
                            "No platform " + recipient.id() + " is registered"));
            notification.platformId = platform.id;
            notifications.persist(notification);
            toPlatform(notification, platform, now);
            if (request.kind() == NotificationKind.REMOVAL_ORDER && !platform.hasReceivedOrder) {
                platform.hasReceivedOrder = true;
            }
        } else {
            Recipients.Contact contact = recipients.authority(request.kind(), recipient.id())
                    .orElseThrow(() -> ProblemException.unprocessable("no-contact-point", "No contact point",
                            "No " + (request.kind() == NotificationKind.BREACH_NOTICE
                                    ? "vigie.notify.regulators." + recipient.id() + ".email"
                                    : "vigie.notify.authorities." + recipient.id() + ".email or .webhook-url")
                                    + " is configured"));
            // case-service may name the platform the notice is about: kept, but it is not the recipient.
            notification.platformConcerned = request.platformId();
            notifications.persist(notification);
            toAuthority(notification, contact, now);
        }
        notifications.flush();
        return notification;
    }

    /** Every notification lands in the platform's inbox; then its webhook if it has one, else its e-mail. */
    private void toPlatform(Notification notification, Platform platform, Instant now) {
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
            deliveries.persist(inboxDelivery);
            webhook(notification, platform.webhookUrl, now);
            return;
        }
        // No webhook: the inbox is the channel, and placing the item there is the sending.
        deliveries.persist(inboxDelivery);
        receipts.sent(notification, inboxDelivery, now);
        if (platform.email != null) {
            email(notification, platform.email, now);
        }
    }

    /** Authorities have no inbox: their webhook if configured, else their e-mail. */
    private void toAuthority(Notification notification, Recipients.Contact contact, Instant now) {
        if (contact.webhookUrl().isPresent()) {
            webhook(notification, contact.webhookUrl().get(), now);
        } else {
            email(notification, contact.email().orElseThrow(), now);
        }
    }

    private void webhook(Notification notification, String url, Instant now) {
        Delivery webhook = delivery(notification, DeliveryChannel.WEBHOOK, url, now);
        deliveries.persist(webhook);
        outbox.enqueue(Topics.WEBHOOK_DELIVERY, Topics.webhookKey(notification.id),
                new WebhookDeliveryMessage(notification.id, webhook.id));
    }

    private void email(Notification notification, String address, Instant now) {
        Delivery email = delivery(notification, DeliveryChannel.EMAIL, "mailto:" + address, now);
        email.messageId = EmailTemplates.messageId(notification.id, config.mailDomain());
        email.note = notification.recipientType == RecipientType.PLATFORM ? EmailTemplates.NOT_A_RECEIPT_PLATFORM
                : EmailTemplates.NOT_A_RECEIPT_AUTHORITY;
        deliveries.persist(email);
        outbox.enqueue(Topics.EMAIL_DELIVERY, Topics.emailKey(notification.id),
                new EmailDeliveryMessage(notification.id, email.id));
    }

    /** Who is addressed: {@code platformId} and {@code recipient} must agree; an authority has no platformId. */
    private record Recipient(RecipientType type, String id) {
    }

    private static Recipient recipient(NotificationRequest request) {
        RecipientType type = request.recipientType() == null ? RecipientType.PLATFORM : request.recipientType();
        if (!request.kind().mayGoTo(type)) {
            throw ProblemException.unprocessable("recipient-type-not-allowed", "Recipient type not allowed",
                    request.kind() + " notifications go to " + request.kind().recipientTypes() + ", not " + type);
        }
        if (type == RecipientType.AUTHORITY) {
            if (request.recipient() == null || !request.recipient().matches("[A-Z]{2}")) {
                throw ProblemException.invalidField("recipient",
                        "must be the ISO 3166-1 alpha-2 code of the authority's jurisdiction when recipientType is AUTHORITY");
            }
            return new Recipient(type, request.recipient());
        }
        if (request.platformId() == null && request.recipient() == null) {
            throw ProblemException.invalidField("platformId", "is required (or recipient) for a platform");
        }
        if (request.platformId() != null && request.recipient() != null
                && !request.platformId().equals(request.recipient())) {
            throw ProblemException.invalidField("recipient", "must equal platformId when both are given");
        }
        String platformId = request.platformId() != null ? request.platformId() : request.recipient();
        if (!platformId.matches("[a-z0-9][a-z0-9-]{1,63}")) {
            throw ProblemException.invalidField("recipient", "must be a registered platform's id");
        }
        return new Recipient(type, platformId);
    }

    private Notification replay(Notification stored, NotificationRequest request, Recipient recipient) {
        boolean same = stored.kind == request.kind() && stored.recipientType == recipient.type()
                && stored.recipient.equals(recipient.id())
                && (recipient.type() == RecipientType.PLATFORM
                        || java.util.Objects.equals(stored.platformConcerned, request.platformId()))
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
