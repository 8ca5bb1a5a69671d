package eu.vigie.cases.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.cases.AuditRecord;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditRecord, Long> {

    /** The advisory lock key that serialises appends to the chain. */
    private static final long CHAIN_LOCK = 0x56494749455F4155L;

    public void lockChain() {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", CHAIN_LOCK)
                .getSingleResult();
    }

    public Optional<AuditRecord> last() {
        return find("order by sequence desc").firstResultOptional();
    }

    public List<AuditRecord> ofCase(UUID caseId) {
        return list("caseId = ?1 order by sequence", caseId);
    }

    /** The records about one subject (e.g. a removal order), in order: its timeline. */
    public List<AuditRecord> ofSubject(String subjectType, String subjectId) {
        return list("subjectType = ?1 and subjectId = ?2 order by sequence", subjectType, subjectId);
    }

    /** A batch of the chain after a sequence number, in order. */
    public List<AuditRecord> after(long sequence, int limit) {
        return find("sequence > ?1 order by sequence", sequence).page(0, limit).list();
    }
}
