package eu.vigie.cases.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.cases.Feedback;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FeedbackRepository implements PanacheRepositoryBase<Feedback, UUID> {

    public List<Feedback> ofOrder(UUID orderId) {
        return list("orderId = ?1 order by recordedAt, id", orderId);
    }

    /** Feedback kept because it arrived before the order's receipt, oldest first. */
    public List<Feedback> pending(UUID orderId) {
        return list("orderId = ?1 and appliedAt is null and outcome is null order by recordedAt, id", orderId);
    }
}
