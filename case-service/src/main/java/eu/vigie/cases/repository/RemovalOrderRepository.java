package eu.vigie.cases.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import eu.vigie.cases.RemovalOrder;
import eu.vigie.cases.RemovalOrderStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RemovalOrderRepository implements PanacheRepositoryBase<RemovalOrder, UUID> {

    public List<RemovalOrder> ofCase(UUID caseId) {
        return list("caseId = ?1 order by issuedAt, id", caseId);
    }

    public Optional<RemovalOrder> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean anyInForce(UUID caseId) {
        return count("caseId = ?1 and status not in ?2", caseId,
                List.of(RemovalOrderStatus.COMPLIED, RemovalOrderStatus.WITHDRAWN)) > 0;
    }

    /** The ids of received orders whose deadline has passed. */
    public List<UUID> overdueIds(Instant now, int limit) {
        return find("status = ?1 and deadlineAt < ?2 order by deadlineAt", RemovalOrderStatus.RECEIVED, now)
                .page(0, limit).project(IdOnly.class).list().stream().map(IdOnly::id).toList();
    }

    /** Hands out the next reference number of a jurisdiction and year, atomically. */
    public long nextReference(String jurisdiction, int year) {
        Object value = getEntityManager().createNativeQuery("""
                INSERT INTO order_reference_counter (jurisdiction, year, last_value) VALUES (:j, :y, 1)
                ON CONFLICT (jurisdiction, year) DO UPDATE SET last_value = order_reference_counter.last_value + 1
                RETURNING last_value
                """).setParameter("j", jurisdiction).setParameter("y", year).getSingleResult();
        return ((Number) value).longValue();
    }

    @io.quarkus.runtime.annotations.RegisterForReflection
    public record IdOnly(UUID id) {
    }
}
