package eu.vigie.cases.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.engine.spi.SharedSessionContractImplementor;

import eu.vigie.cases.AuditRecord;
import eu.vigie.cases.repository.AuditRepository;

/**
 * Appends decisions and reads of sensitive data to the hash-chained audit trail, and verifies it.
 * Every record links to its predecessor in the global chain and, when it is about a case, to its
 * predecessor in that case's chain; its hash covers both links.
 * <p>
 * A record is written in the transaction of the decision it records, so it exists if and only if
 * the decision was committed. It is chained when that transaction commits: Hibernate's
 * before-completion callback, in one call to the database, takes a PostgreSQL advisory lock (held to
 * the end of the transaction, so no chain ever forks), reads the chains' last records and inserts the
 * transaction's records in the order they were appended. Transactions therefore wait for one another
 * only for that call and their commit, not for the whole of their work. A transaction that reads a
 * case's history or an order's timeline after recording a decision in it chains its records at that
 * point (see {@link #ofCase(UUID)}), so what it reads is complete.
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

    /** The transaction resource that holds the records appended in a transaction and not yet chained. */
    private static final Object PENDING = AuditTrail.class.getName() + ".pending";

    private final AuditRepository records;
    private final TransactionSynchronizationRegistry transactions;

    public AuditTrail(AuditRepository records, TransactionSynchronizationRegistry transactions) {
        this.records = records;
        this.transactions = transactions;
    }

    /** Whether an action records a read rather than a decision. */
    public static boolean isRead(String action) {
        return READS.contains(action);
    }

    /**
     * Appends a record in the caller's transaction; it is chained (given its sequence number and
     * hashes) when the transaction commits. Details are kept as canonical JSON.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String actor, String action, String subjectType, Object subjectId, UUID caseId,
            Map<String, ?> details) {
        AuditRecord record = new AuditRecord();
        record.recordedAt = Canonical.now();
        record.actor = actor;
        record.action = action;
        record.subjectType = subjectType;
        record.subjectId = String.valueOf(subjectId);
        record.caseId = caseId;
        record.details = Canonical.json(details == null ? Map.of() : new TreeMap<>(withoutNullKeys(details)));
        pending().add(record);
    }

    /**
     * A case's records in chain order, including the decisions this transaction has recorded about it
     * (they are chained first); the records of reads this transaction has made are not yet among them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AuditRecord> ofCase(UUID caseId) {
        chainDecisionsNow(r -> caseId.equals(r.caseId));
        return records.ofCase(caseId);
    }

    /** The records about one subject (e.g. a removal order) in order, as {@link #ofCase(UUID)}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AuditRecord> ofSubject(String subjectType, String subjectId) {
        chainDecisionsNow(r -> subjectType.equals(r.subjectType) && subjectId.equals(r.subjectId));
        return records.ofSubject(subjectType, subjectId);
    }

    /** The records this transaction has appended and not yet chained; registers their chaining at commit. */
    @SuppressWarnings("unchecked")
    private List<AuditRecord> pending() {
        List<AuditRecord> pending = (List<AuditRecord>) transactions.getResource(PENDING);
        if (pending == null) {
            List<AuditRecord> appended = new ArrayList<>();
            transactions.putResource(PENDING, appended);
            records.getEntityManager().unwrap(SharedSessionContractImplementor.class)
                    .getTransactionCompletionCallbacks()
                    .registerCallback((org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback)
                            session -> chain(session, appended));
            pending = appended;
        }
        return pending;
    }

    /** Chains this transaction's pending records now when one of them is a decision the reader is about to read. */
    private void chainDecisionsNow(java.util.function.Predicate<AuditRecord> read) {
        @SuppressWarnings("unchecked")
        List<AuditRecord> pending = (List<AuditRecord>) transactions.getResource(PENDING);
        if (pending != null && pending.stream().anyMatch(r -> !isRead(r.action) && read.test(r))) {
            records.getEntityManager().unwrap(SharedSessionContractImplementor.class)
                    .doWork(connection -> chain(connection, pending));
        }
    }

    private static void chain(SharedSessionContractImplementor session, List<AuditRecord> pending) {
        if (!pending.isEmpty()) {
            session.doWork(connection -> chain(connection, pending));
        }
    }

    /**
     * Chains the pending records in one call to the database (function {@code audit_chain_append},
     * migration V10): it takes the chain's lock for the rest of the transaction, then gives each
     * record, in the order appended, the next sequence number, its links in the global chain and its
     * case's chain, and its hash, and inserts it. The lock is thus held for one round trip and the
     * commit. Each record's canonical form is written here, split around the two values the chain
     * decides; {@link #hashOf(AuditRecord)} recomputes the same hash when the trail is verified.
     */
    private static void chain(Connection connection, List<AuditRecord> pending) throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        int n = pending.size();
        String[][] columns = new String[10][n];
        for (int i = 0; i < n; i++) {
            AuditRecord record = pending.get(i);
            String[] parts = canonicalFormAroundChainLinks(record);
            columns[0][i] = Canonical.time(record.recordedAt);
            columns[1][i] = record.actor;
            columns[2][i] = record.action;
            columns[3][i] = record.subjectType;
            columns[4][i] = record.subjectId;
            columns[5][i] = record.caseId == null ? null : record.caseId.toString();
            columns[6][i] = record.details;
            columns[7][i] = parts[0];
            columns[8][i] = parts[1];
            columns[9][i] = parts[2];
        }
        try (PreparedStatement append = connection.prepareStatement(
                "SELECT audit_chain_append(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            append.setLong(1, AuditRepository.CHAIN_LOCK);
            for (int c = 0; c < columns.length; c++) {
                append.setArray(c + 2, connection.createArrayOf("text", columns[c]));
            }
            append.execute();
        }
        pending.clear();
    }

    /** SHA-256 over the previous hash followed by the record's canonical form (which includes the case link). */
    public static String hashOf(AuditRecord record) {
        return Canonical.sha256(record.previousHash + canonicalForm(record));
    }

    static String canonicalForm(AuditRecord record) {
        return Canonical.json(form(record, record.sequence, record.casePreviousHash));
    }

    private static final String CASE_LINK = "\"casePreviousHash\":";
    private static final String SEQUENCE = "\"sequence\":";
    private static final String DECIDED_BY_THE_CHAIN = "\"@\"";

    /**
     * A record's canonical form before it is chained, as three texts: before the case link's value,
     * between it and the sequence number, and after the sequence number. The keys are fixed and every
     * value is a JSON string or literal (details too), so each key occurs once, where it is a key.
     */
    private static String[] canonicalFormAroundChainLinks(AuditRecord record) {
        String json = Canonical.json(form(record, "@", "@"));
        int caseLink = json.indexOf(CASE_LINK + DECIDED_BY_THE_CHAIN);
        int sequence = json.indexOf(SEQUENCE + DECIDED_BY_THE_CHAIN);
        if (caseLink < 0 || sequence < caseLink) {
            throw new IllegalStateException("Unexpected canonical form of an audit record");
        }
        return new String[] {
                json.substring(0, caseLink + CASE_LINK.length()),
                json.substring(caseLink + CASE_LINK.length() + DECIDED_BY_THE_CHAIN.length(),
                        sequence + SEQUENCE.length()),
                json.substring(sequence + SEQUENCE.length() + DECIDED_BY_THE_CHAIN.length()) };
    }

    private static Map<String, Object> form(AuditRecord record, Object sequence, Object casePreviousHash) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("sequence", sequence);
        form.put("recordedAt", Canonical.time(record.recordedAt));
        form.put("actor", record.actor);
        form.put("action", record.action);
        form.put("subjectType", record.subjectType);
        form.put("subjectId", record.subjectId);
        form.put("caseId", record.caseId == null ? null : record.caseId.toString());
        form.put("casePreviousHash", casePreviousHash);
        form.put("details", record.details);
        return form;
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
