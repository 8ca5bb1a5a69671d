package eu.vigie.cases.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.cases.AuditRecord;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditRecord, Long> {

    /** The advisory lock key that serialises appends to the chain (see eu.vigie.cases.service.AuditTrail). */
    public static final long CHAIN_LOCK = 0x56494749455F4155L;

    /**
     * The first record, in chain order, whose link to its case's previous record is wrong (not that
     * record's stored hash, or not 64 zeros for a case's first record): one windowed query over every case.
     */
    public Optional<Object[]> firstBrokenCaseLink(String genesis) {
        List<?> rows = getEntityManager().createNativeQuery("""
                SELECT sequence, CAST(case_id AS VARCHAR) FROM (
                  SELECT sequence, case_id, case_previous_hash,
                    COALESCE(lag(hash) OVER (PARTITION BY case_id ORDER BY sequence), :genesis) AS expected
                  FROM audit_record WHERE case_id IS NOT NULL) t
                WHERE case_previous_hash IS DISTINCT FROM expected
                ORDER BY sequence LIMIT 1
                """).setParameter("genesis", genesis).getResultList();
        return rows.stream().findFirst().map(row -> (Object[]) row);
    }

    /** How many cases have a chain. */
    public long chainedCases() {
        return ((Number) getEntityManager().createNativeQuery(
                "SELECT count(DISTINCT case_id) FROM audit_record WHERE case_id IS NOT NULL").getSingleResult())
                .longValue();
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
