package eu.vigie.ingest.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The {@code Idempotency-Key}s callers sent, per caller: the hash of the request and the answer
 * given, so that a replay gets the same answer and creates nothing.
 */
@ApplicationScoped
public class IdempotencyRepository {

    /** A stored answer; {@code responseBody} is null while the first request is still being processed. */
    public record Stored(String requestHash, UUID referralId, Integer responseStatus, String responseBody) {
    }

    private final EntityManager em;

    public IdempotencyRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Stored> find(String caller, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT request_hash, referral_id, response_status, response_body FROM idempotency_record
                WHERE caller = :caller AND idempotency_key = :key
                """).setParameter("caller", caller).setParameter("key", key).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        UUID referralId = row[1] == null ? null : row[1] instanceof UUID u ? u : UUID.fromString(row[1].toString());
        Integer status = row[2] == null ? null : ((Number) row[2]).intValue();
        return Optional.of(new Stored((String) row[0], referralId, status, (String) row[3]));
    }

    /**
     * Claims a key for a caller in the current transaction. If another transaction holds or has
     * committed the same key, this waits for it and answers false.
     */
    public boolean claim(String caller, String key, String requestHash, Instant at) {
        return em.createNativeQuery("""
                INSERT INTO idempotency_record (caller, idempotency_key, request_hash, created_at)
                VALUES (:caller, :key, :hash, :at)
                ON CONFLICT (caller, idempotency_key) DO NOTHING
                """).setParameter("caller", caller).setParameter("key", key).setParameter("hash", requestHash)
                .setParameter("at", at).executeUpdate() == 1;
    }

    public void complete(String caller, String key, UUID referralId, int status, String body) {
        em.createNativeQuery("""
                UPDATE idempotency_record SET referral_id = :referral, response_status = :status, response_body = :body
                WHERE caller = :caller AND idempotency_key = :key
                """).setParameter("referral", referralId).setParameter("status", status).setParameter("body", body)
                .setParameter("caller", caller).setParameter("key", key).executeUpdate();
    }
}
