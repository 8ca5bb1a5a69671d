package eu.vigie.notify.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.notify.ScrutinyRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ScrutinyRequestRepository implements PanacheRepositoryBase<ScrutinyRequest, UUID> {

    public Optional<ScrutinyRequest> findByOrder(UUID removalOrderId, String platformId) {
        return find("removalOrderId = ?1 and platformId = ?2", removalOrderId, platformId).firstResultOptional();
    }
}
