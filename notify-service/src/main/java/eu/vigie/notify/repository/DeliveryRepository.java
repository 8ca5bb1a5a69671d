package eu.vigie.notify.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import eu.vigie.notify.Delivery;
import eu.vigie.notify.DeliveryChannel;
import eu.vigie.notify.DeliveryStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    public Optional<Delivery> findByNotification(UUID notificationId, DeliveryChannel channel) {
        return find("notificationId = ?1 and channel = ?2", notificationId, channel).firstResultOptional();
    }

    /** A page of deliveries (with their notification) matching the filters, in order of creation. */
    public List<Object[]> search(Optional<UUID> subjectId, Optional<String> platformId, Optional<DeliveryStatus> status,
            Optional<String> jurisdiction, long afterSeq, int limit) {
        StringBuilder query = new StringBuilder(
                "select d, n from Delivery d, Notification n where n.id = d.notificationId and d.seq > :after");
        Parameters parameters = Parameters.with("after", afterSeq);
        subjectId.ifPresent(s -> {
            query.append(" and n.subjectId = :subject");
            parameters.and("subject", s);
        });
        platformId.ifPresent(p -> {
            query.append(" and n.platformId = :platform");
            parameters.and("platform", p);
        });
        status.ifPresent(s -> {
            query.append(" and d.status = :status");
            parameters.and("status", s);
        });
        jurisdiction.ifPresent(j -> {
            query.append(" and n.jurisdiction = :jurisdiction");
            parameters.and("jurisdiction", j);
        });
        query.append(" order by d.seq");
        TypedQuery<Object[]> typed = getEntityManager().createQuery(query.toString(), Object[].class).setMaxResults(limit);
        parameters.map().forEach(typed::setParameter);
        return typed.getResultList();
    }
}
