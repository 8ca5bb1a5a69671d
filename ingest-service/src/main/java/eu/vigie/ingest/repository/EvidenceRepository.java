package eu.vigie.ingest.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.ingest.CustodyEvent;
import eu.vigie.ingest.Evidence;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EvidenceRepository implements PanacheRepositoryBase<Evidence, String> {

    /**
     * Describes bytes unless bytes with the same SHA-256 are described already (concurrent
     * submissions of the same bytes are safe: the first one wins). A new submission of known bytes
     * preserves them again: a retention deadline set by an earlier closed case, or an earlier purge,
     * is cleared (a case of the content is open again). Answers whether this call described them first.
     */
    public boolean describeIfAbsent(String sha256, String md5, String mediaType, long size, Instant at,
            String jurisdiction) {
        int inserted = getEntityManager().createNativeQuery("""
                INSERT INTO evidence (sha256, md5, media_type, size_bytes, first_seen_at, owner_jurisdiction)
                VALUES (:sha256, :md5, :mediaType, :size, :at, :jurisdiction)
                ON CONFLICT (sha256) DO NOTHING
                """)
                .setParameter("sha256", sha256)
                .setParameter("md5", md5)
                .setParameter("mediaType", mediaType)
                .setParameter("size", size)
                .setParameter("at", at)
                .setParameter("jurisdiction", jurisdiction)
                .executeUpdate();
        if (inserted == 1) {
            return true;
        }
        getEntityManager().createNativeQuery("""
                UPDATE evidence SET retain_until = NULL, closed_case_id = NULL, case_closed_at = NULL,
                       purged_at = NULL, purge_reason = NULL, version = version + 1
                WHERE sha256 = :sha256 AND (retain_until IS NOT NULL OR purged_at IS NOT NULL)
                """).setParameter("sha256", sha256).executeUpdate();
        return false;
    }

    /**
     * The SHA-256 of evidence whose preservation has expired at {@code now} (retention passed, no
     * legal hold in force, not purged yet), locked for this transaction; rows another purge holds
     * are skipped, so replicas share the work.
     */
    @SuppressWarnings("unchecked")
    public List<String> lockExpired(Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT sha256 FROM evidence
                WHERE purged_at IS NULL AND retain_until IS NOT NULL AND retain_until <= :now
                  AND (legal_hold_until IS NULL OR legal_hold_until <= :now)
                ORDER BY retain_until
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    public List<CustodyEvent> custodyOf(String sha256) {
        return CustodyEvent.list("sha256 = ?1 order by at, id", sha256);
    }
}
