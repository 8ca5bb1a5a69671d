package eu.vigie.notify.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.notify.Feedback;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FeedbackRepository implements PanacheRepositoryBase<Feedback, UUID> {

    public Optional<Feedback> findByIdempotencyKey(String platformId, String key) {
        return find("platformId = ?1 and idempotencyKey = ?2", platformId, key).firstResultOptional();
    }
}
