package eu.vigie.notify.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.notify.DeliveryAttempt;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DeliveryAttemptRepository implements PanacheRepositoryBase<DeliveryAttempt, UUID> {

    public List<DeliveryAttempt> forDeliveries(Collection<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return List.of();
        }
        return list("deliveryId in ?1 order by attemptedAt, id", deliveryIds);
    }
}
