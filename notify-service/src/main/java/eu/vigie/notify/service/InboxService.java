package eu.vigie.notify.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.common.problem.ProblemException;
import eu.vigie.notify.Delivery;
import eu.vigie.notify.DeliveryChannel;
import eu.vigie.notify.InboxItem;
import eu.vigie.notify.Notification;
import eu.vigie.notify.repository.DeliveryRepository;
import eu.vigie.notify.repository.InboxItemRepository;
import eu.vigie.notify.repository.NotificationRepository;
import eu.vigie.notify.rest.InboxItemView;
import eu.vigie.notify.rest.Page;

/** A platform's pull inbox: reading it, and acknowledging items, which is a receipt. */
@ApplicationScoped
public class InboxService {

    private final InboxItemRepository inbox;
    private final NotificationRepository notifications;
    private final DeliveryRepository deliveries;
    private final Receipts receipts;
    private final ObjectMapper mapper;

    public InboxService(InboxItemRepository inbox, NotificationRepository notifications, DeliveryRepository deliveries,
            Receipts receipts, ObjectMapper mapper) {
        this.inbox = inbox;
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.receipts = receipts;
        this.mapper = mapper;
    }

    @Transactional
    public Page<InboxItemView> page(String platformId, String cursor, boolean unacknowledgedOnly, int limit) {
        long after = Cursors.decode(cursor);
        List<InboxItem> items = inbox.page(platformId, after, unacknowledgedOnly, limit + 1);
        boolean more = items.size() > limit;
        if (more) {
            items = items.subList(0, limit);
        }
        Map<UUID, Notification> byId = items.isEmpty() ? Map.of()
                : notifications.list("id in ?1", items.stream().map(i -> i.notificationId).toList()).stream()
                        .collect(Collectors.toMap(n -> n.id, Function.identity()));
        List<InboxItemView> views = items.stream().map(i -> view(i, byId.get(i.notificationId))).toList();
        return new Page<>(views, more ? Cursors.encode(items.get(items.size() - 1).seq) : null);
    }

    /**
     * Acknowledges an item of the platform's own inbox (idempotent: the first acknowledgement's time
     * stays). The first acknowledgement is a receipt of the notification if no webhook gave one.
     */
    @Transactional
    public InboxItemView acknowledge(String platformId, UUID itemId) {
        InboxItem found = inbox.findOwned(itemId, platformId)
                .orElseThrow(() -> ProblemException.notFound("Inbox item " + itemId));
        Notification notification = notifications.findForUpdate(found.notificationId).orElseThrow();
        InboxItem item = inbox.findById(itemId);
        inbox.getEntityManager().refresh(item);
        if (item.acknowledgedAt == null) {
            Instant now = Times.now();
            item.acknowledgedAt = now;
            Delivery delivery = deliveries.findByNotification(notification.id, DeliveryChannel.INBOX).orElseThrow();
            receipts.received(notification, delivery, now);
        }
        return view(item, notification);
    }

    private InboxItemView view(InboxItem item, Notification notification) {
        try {
            return new InboxItemView(item.id, notification.id, notification.kind, notification.subjectType,
                    notification.subjectId, item.createdAt, item.acknowledgedAt, mapper.readTree(notification.payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored payload of notification " + notification.id + " is not JSON", e);
        }
    }
}
