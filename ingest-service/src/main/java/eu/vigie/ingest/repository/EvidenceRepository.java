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
     * Stores bytes unless bytes with the same SHA-256 are stored already (concurrent submissions
     * of the same bytes are safe: the first one wins). Answers whether this call stored them.
     */
    public boolean storeIfAbsent(String sha256, String md5, String mediaType, byte[] content, Instant at,
            String jurisdiction) {
        int inserted = getEntityManager().createNativeQuery("""
                INSERT INTO evidence (sha256, md5, media_type, size_bytes, content, first_seen_at, owner_jurisdiction)
                VALUES (:sha256, :md5, :mediaType, :size, :content, :at, :jurisdiction)
                ON CONFLICT (sha256) DO NOTHING
                """)
                .setParameter("sha256", sha256)
                .setParameter("md5", md5)
                .setParameter("mediaType", mediaType)
                .setParameter("size", (long) content.length)
                .setParameter("content", content)
                .setParameter("at", at)
                .setParameter("jurisdiction", jurisdiction)
                .executeUpdate();
        return inserted == 1;
    }

    public List<CustodyEvent> custodyOf(String sha256) {
        return CustodyEvent.list("sha256 = ?1 order by at, id", sha256);
    }
}
