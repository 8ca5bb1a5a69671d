package eu.vigie.cases.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.vigie.cases.AuditRecord;
import eu.vigie.cases.repository.AuditRepository;

/**
 * Appends decisions to the hash-chained audit trail, one at a time (a PostgreSQL advisory lock held
 * to the end of the transaction serialises appends, so the chain never forks), and verifies it.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String GENESIS = "0".repeat(64);
    public static final String SYSTEM_ACTOR = "system:case-service";
    private static final int VERIFY_BATCH = 1000;

    private final AuditRepository records;

    public AuditTrail(AuditRepository records) {
        this.records = records;
    }

    /** Appends a record in the caller's transaction. Details are kept as canonical JSON. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditRecord append(String actor, String action, String subjectType, Object subjectId, UUID caseId,
            Map<String, ?> details) {
        records.lockChain();
        AuditRecord previous = records.last().orElse(null);
        AuditRecord record = new AuditRecord();
        record.sequence = previous == null ? 1 : previous.sequence + 1;
        record.recordedAt = Canonical.now();
        record.actor = actor;
        record.action = action;
        record.subjectType = subjectType;
        record.subjectId = String.valueOf(subjectId);
        record.caseId = caseId;
        record.details = Canonical.json(details == null ? Map.of() : new TreeMap<>(withoutNullKeys(details)));
        record.previousHash = previous == null ? GENESIS : previous.hash;
        record.hash = hashOf(record);
        records.persist(record);
        return record;
    }

    /** SHA-256 over the previous hash followed by the record's canonical form. */
    public static String hashOf(AuditRecord record) {
        return Canonical.sha256(record.previousHash + canonicalForm(record));
    }

    static String canonicalForm(AuditRecord record) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("sequence", record.sequence);
        form.put("recordedAt", Canonical.time(record.recordedAt));
        form.put("actor", record.actor);
        form.put("action", record.action);
        form.put("subjectType", record.subjectType);
        form.put("subjectId", record.subjectId);
        form.put("caseId", record.caseId == null ? null : record.caseId.toString());
        form.put("details", record.details);
        return Canonical.json(form);
    }

    /** The result of recomputing the chain. */
    public record Verification(boolean valid, long records, Long firstBrokenSequence, String lastHash) {
    }

    /**
     * Recomputes the whole chain: every record must follow its predecessor without a gap, carry the
     * predecessor's hash, and hash to what it says.
     */
    @Transactional
    public Verification verify() {
        long count = 0;
        long expectedSequence = 1;
        String previousHash = GENESIS;
        long after = 0;
        List<AuditRecord> batch;
        do {
            batch = records.after(after, VERIFY_BATCH);
            for (AuditRecord record : batch) {
                count++;
                if (record.sequence != expectedSequence || !record.previousHash.equals(previousHash)
                        || !hashOf(record).equals(record.hash)) {
                    return new Verification(false, records.count(), record.sequence == expectedSequence
                            ? record.sequence : expectedSequence, null);
                }
                previousHash = record.hash;
                expectedSequence++;
                after = record.sequence;
            }
            records.getEntityManager().clear();
        } while (batch.size() == VERIFY_BATCH);
        return new Verification(true, count, null, count == 0 ? null : previousHash);
    }

    private static Map<String, ?> withoutNullKeys(Map<String, ?> details) {
        Map<String, Object> copy = new LinkedHashMap<>();
        details.forEach((k, v) -> {
            if (k != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
