package eu.vigie.notify.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.notify.InboxItem;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class InboxItemRepository implements PanacheRepositoryBase<InboxItem, UUID> {

    /** A page of one platform's inbox in order of arrival, after the given position. */
    public List<InboxItem> page(String platformId, long afterSeq, boolean unacknowledgedOnly, int limit) {
        String query = "platformId = :platform and seq > :after" + (unacknowledgedOnly ? " and acknowledgedAt is null" : "")
                + " order by seq";
        return find(query, Parameters.with("platform", platformId).and("after", afterSeq)).page(0, limit).list();
    }

    /** The item, only if it belongs to this platform. */
    public Optional<InboxItem> findOwned(UUID id, String platformId) {
        return find("id = ?1 and platformId = ?2", id, platformId).firstResultOptional();
    }

    public Optional<InboxItem> findByNotification(UUID notificationId) {
        return find("notificationId", notificationId).firstResultOptional();
    }
}
