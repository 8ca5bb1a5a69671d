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
                List.of(RemovalOrderStatus.COMPLIED, RemovalOrderStatus.WITHDRAWN, RemovalOrderStatus.REVOKED)) > 0;
    }

    /**
     * Locks, and answers, up to {@code limit} received orders whose deadline passed before {@code now};
     * rows another replica holds are skipped ({@code FOR UPDATE SKIP LOCKED}), so each order is marked
     * by exactly one watch. Call inside the transaction that marks them.
     */
    public List<UUID> lockOverdue(Instant now, int limit) {
        return uuids(getEntityManager().createNativeQuery("""
                SELECT id FROM removal_order WHERE status = 'RECEIVED' AND deadline_at < :now
                ORDER BY deadline_at LIMIT :limit FOR UPDATE SKIP LOCKED
                """).setParameter("now", now).setParameter("limit", limit).getResultList());
    }

    /** Like {@link #lockOverdue}: orders waiting for their pre-notice whose notice period ended by {@code now}. */
    public List<UUID> lockReleasable(Instant now, int limit) {
        return uuids(getEntityManager().createNativeQuery("""
                SELECT id FROM removal_order WHERE status = 'PENDING_PRE_NOTICE' AND pre_notice_until <= :now
                ORDER BY pre_notice_until LIMIT :limit FOR UPDATE SKIP LOCKED
                """).setParameter("now", now).setParameter("limit", limit).getResultList());
    }

    /**
     * Breaches of {@code platformId}: orders that became overdue in [{@code from}, {@code to}) and were
     * not, by the provider's own Annex II report, complied with before their deadline after all.
     */
    public long breaches(String platformId, Instant from, Instant to) {
        return count("platformId = ?1 and overdueAt >= ?2 and overdueAt < ?3"
                + " and (compliedAt is null or compliedAt > deadlineAt)", platformId, from, to);
    }

    /** Whether an order of ours to {@code platformId} has already left (so the provider has been given one). */
    public boolean anyReleasedTo(String platformId) {
        // The first such order is enough (index removal_order_platform)
        return find("platformId = ?1 and status <> ?2", platformId, RemovalOrderStatus.PENDING_PRE_NOTICE)
                .page(0, 1).firstResultOptional().isPresent();
    }

    private static List<UUID> uuids(List<?> rows) {
        return rows.stream().map(row -> row instanceof UUID id ? id : UUID.fromString(row.toString())).toList();
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
