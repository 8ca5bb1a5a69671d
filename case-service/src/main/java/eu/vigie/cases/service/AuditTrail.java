package eu.vigie.cases.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.vigie.cases.AuditRecord;
import eu.vigie.cases.repository.AuditRepository;

/**
 * Appends decisions and reads of sensitive data to the hash-chained audit trail, one at a time (a
 * PostgreSQL advisory lock held to the end of the transaction serialises appends, so no chain ever
 * forks), and verifies it. Every record links to its predecessor in the global chain and, when it is
 * about a case, to its predecessor in that case's chain; its hash covers both links.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String GENESIS = "0".repeat(64);
    public static final String SYSTEM_ACTOR = "system:case-service";

    /** Reads of sensitive data (who read what, when): in the trail, not in a case's history of decisions. */
    public static final String CASE_READ = "CASE_READ";
    public static final String ORDER_READ = "ORDER_READ";
    public static final String AUDIT_TRAIL_READ = "AUDIT_TRAIL_READ";
    public static final String AUDIT_TRAIL_VERIFIED = "AUDIT_TRAIL_VERIFIED";
    public static final String REPORT_READ = "REPORT_READ";
    public static final String ENFORCEMENT_READ = "ENFORCEMENT_READ";
    private static final Set<String> READS = Set.of(CASE_READ, ORDER_READ, AUDIT_TRAIL_READ, AUDIT_TRAIL_VERIFIED,
            REPORT_READ, ENFORCEMENT_READ);

    private static final int VERIFY_BATCH = 1000;

    private final AuditRepository records;

    public AuditTrail(AuditRepository records) {
        this.records = records;
    }

    /** Whether an action records a read rather than a decision. */
    public static boolean isRead(String action) {
        return READS.contains(action);
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
        if (caseId != null) {
            record.casePreviousHash = records.lastOfCase(caseId).map(r -> r.hash).orElse(GENESIS);
        }
        record.hash = hashOf(record);
        records.persist(record);
        return record;
    }

    /** SHA-256 over the previous hash followed by the record's canonical form (which includes the case link). */
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
        form.put("casePreviousHash", record.casePreviousHash);
        form.put("details", record.details);
        return Canonical.json(form);
    }

    /**
     * The result of recomputing the trail: {@code valid} when both the global chain and every case
     * chain hold. {@code firstBrokenSequence} is the global chain's first broken link;
     * {@code caseChains} the case chains' first broken link (sequence and case).
     */
    public record Verification(boolean valid, long records, Long firstBrokenSequence, String lastHash,
            CaseChains caseChains) {
    }

    /** The per-case chains: how many, and the first record (in chain order) that breaks its case's chain. */
    public record CaseChains(boolean valid, long cases, Long firstBrokenSequence, UUID firstBrokenCaseId) {
    }

    /** One case's chain verified on its own. */
    public record CaseVerification(UUID caseId, boolean valid, long records, Long firstBrokenSequence,
            String lastHash) {
    }

    /**
     * Recomputes the whole trail. Global chain: every record follows its predecessor without a gap,
     * carries the predecessor's hash, and hashes to what it says. Case chains: every record of a case
     * hashes to what it says and carries the hash of the case's previous record.
     */
    @Transactional
    public Verification verify() {
        long count = 0;
        long expectedSequence = 1;
        String previousHash = GENESIS;
        Long globalBreak = null;
        Long caseBreak = null;
        UUID caseBreakId = null;
        long after = 0;
        List<AuditRecord> batch;
        do {
            batch = records.after(after, VERIFY_BATCH);
            for (AuditRecord record : batch) {
                count++;
                boolean hashHolds = hashOf(record).equals(record.hash);
                if (globalBreak == null && (record.sequence != expectedSequence
                        || !record.previousHash.equals(previousHash) || !hashHolds)) {
                    globalBreak = record.sequence == expectedSequence ? record.sequence : expectedSequence;
                }
                if (caseBreak == null && !hashHolds && record.caseId != null) {
                    caseBreak = record.sequence;
                    caseBreakId = record.caseId;
                }
                previousHash = record.hash;
                expectedSequence = record.sequence + 1;
                after = record.sequence;
            }
            records.getEntityManager().clear();
        } while (batch.size() == VERIFY_BATCH);
        Object[] badLink = records.firstBrokenCaseLink(GENESIS).orElse(null);
        if (badLink != null) {
            long sequence = ((Number) badLink[0]).longValue();
            if (caseBreak == null || sequence < caseBreak) {
                caseBreak = sequence;
                caseBreakId = UUID.fromString(badLink[1].toString());
            }
        }
        CaseChains cases = new CaseChains(caseBreak == null, records.chainedCases(), caseBreak, caseBreakId);
        return new Verification(globalBreak == null && cases.valid(), count, globalBreak,
                globalBreak == null && count > 0 ? previousHash : null, cases);
    }

    /** Recomputes one case's chain: each record hashes to what it says and links to the case's previous record. */
    @Transactional
    public CaseVerification verifyCase(UUID caseId, List<AuditRecord> chain) {
        String previous = GENESIS;
        for (AuditRecord record : chain) {
            if (!previous.equals(record.casePreviousHash) || !hashOf(record).equals(record.hash)) {
                return new CaseVerification(caseId, false, chain.size(), record.sequence, null);
            }
            previous = record.hash;
        }
        return new CaseVerification(caseId, true, chain.size(), null, chain.isEmpty() ? null : previous);
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
