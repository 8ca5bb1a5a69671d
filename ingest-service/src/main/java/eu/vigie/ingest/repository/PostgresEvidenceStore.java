package eu.vigie.ingest.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.persistence.EntityManager;

/**
 * Evidence bytes in the table {@code evidence_content}, written and deleted in the caller's
 * transaction (so bytes and their description commit together).
 */
@ApplicationScoped
@Typed(PostgresEvidenceStore.class)
public class PostgresEvidenceStore implements EvidenceStore {

    private final EntityManager em;

    public PostgresEvidenceStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public void put(String sha256, byte[] bytes) {
        em.createNativeQuery("INSERT INTO evidence_content (sha256, content) VALUES (:sha256, :content) "
                + "ON CONFLICT (sha256) DO NOTHING")
                .setParameter("sha256", sha256)
                .setParameter("content", bytes)
                .executeUpdate();
    }

    @Override
    public Optional<byte[]> get(String sha256) {
        @SuppressWarnings("unchecked")
        List<byte[]> found = em.createNativeQuery("SELECT content FROM evidence_content WHERE sha256 = :sha256")
                .setParameter("sha256", sha256)
                .getResultList();
        return found.stream().findFirst();
    }

    @Override
    public boolean delete(String sha256) {
        return em.createNativeQuery("DELETE FROM evidence_content WHERE sha256 = :sha256")
                .setParameter("sha256", sha256)
                .executeUpdate() > 0;
    }
}
