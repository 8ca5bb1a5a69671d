package eu.vigie.notify.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import eu.vigie.notify.Notification;
import eu.vigie.notify.NotificationKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /** The notification, locked for the rest of the transaction: receipts by two channels are decided one at a time. */
    public Optional<Notification> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The latest removal-order notification of an order addressed to this platform. */
    public Optional<Notification> findOrderNotification(UUID removalOrderId, String platformId) {
        return find("kind = ?1 and subjectType = 'REMOVAL_ORDER' and subjectId = ?2 and platformId = ?3 order by createdAt desc",
                NotificationKind.REMOVAL_ORDER, removalOrderId, platformId).firstResultOptional();
    }
}
