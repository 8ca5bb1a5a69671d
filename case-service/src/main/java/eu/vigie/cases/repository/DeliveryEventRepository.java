package eu.vigie.cases.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.cases.DeliveryEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DeliveryEventRepository implements PanacheRepositoryBase<DeliveryEvent, UUID> {

    public List<DeliveryEvent> ofOrder(UUID orderId) {
        return list("orderId = ?1 order by recordedAt, id", orderId);
    }
}
