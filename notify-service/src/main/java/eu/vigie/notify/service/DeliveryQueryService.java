package eu.vigie.notify.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.vigie.notify.Delivery;
import eu.vigie.notify.DeliveryAttempt;
import eu.vigie.notify.DeliveryStatus;
import eu.vigie.notify.Notification;
import eu.vigie.notify.repository.DeliveryAttemptRepository;
import eu.vigie.notify.repository.DeliveryRepository;
import eu.vigie.notify.rest.DeliveryView;
import eu.vigie.notify.rest.Page;

/** The proof of delivery: deliveries with every attempt, filtered, optionally to one jurisdiction's notifications. */
@ApplicationScoped
public class DeliveryQueryService {

    private final DeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;

    public DeliveryQueryService(DeliveryRepository deliveries, DeliveryAttemptRepository attempts) {
        this.deliveries = deliveries;
        this.attempts = attempts;
    }

    @Transactional
    public Page<DeliveryView> search(Optional<UUID> subjectId, Optional<String> platformId,
            Optional<DeliveryStatus> status, Optional<String> jurisdiction, String cursor, int limit) {
        List<Object[]> rows = deliveries.search(subjectId, platformId, status, jurisdiction, Cursors.decode(cursor),
                limit + 1);
        boolean more = rows.size() > limit;
        if (more) {
            rows = rows.subList(0, limit);
        }
        Map<UUID, List<DeliveryAttempt>> attemptsByDelivery = attempts
                .forDeliveries(rows.stream().map(r -> ((Delivery) r[0]).id).toList()).stream()
                .collect(Collectors.groupingBy(a -> a.deliveryId));
        List<DeliveryView> views = rows.stream().map(r -> view((Delivery) r[0], (Notification) r[1],
                attemptsByDelivery.getOrDefault(((Delivery) r[0]).id, List.of()))).toList();
        String next = more ? Cursors.encode(((Delivery) rows.get(rows.size() - 1)[0]).seq) : null;
        return new Page<>(views, next);
    }

    private static DeliveryView view(Delivery d, Notification n, List<DeliveryAttempt> attempts) {
        return new DeliveryView(d.id, n.id, n.kind, n.recipientType, n.recipient, n.platformId, n.platformConcerned,
                n.subjectType,
                n.subjectId, n.jurisdiction, d.channel, d.target, d.status, d.createdAt, d.sentAt, d.receivedAt,
                d.deadAt, d.note, d.messageId,
                attempts.stream().map(a -> new DeliveryView.Attempt(a.attemptedAt, a.target, a.statusCode, a.latencyMs,
                        a.error)).toList());
    }
}
