package eu.vigie.cases.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.cases.ScrutinyRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ScrutinyRequestRepository implements PanacheRepositoryBase<ScrutinyRequest, UUID> {

    public List<ScrutinyRequest> ofOrder(UUID orderId) {
        return list("orderId = ?1 order by recordedAt, id", orderId);
    }
}
