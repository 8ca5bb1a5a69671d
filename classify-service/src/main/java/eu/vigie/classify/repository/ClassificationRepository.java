package eu.vigie.classify.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.classify.Classification;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ClassificationRepository implements PanacheRepositoryBase<Classification, UUID> {

    public Optional<Classification> findByReferralId(UUID referralId) {
        return find("referralId", referralId).firstResultOptional();
    }
}
