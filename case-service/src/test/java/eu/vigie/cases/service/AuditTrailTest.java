package eu.vigie.cases.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import eu.vigie.cases.AuditRecord;
import eu.vigie.cases.repository.AuditRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The audit trail chains a transaction's records when it commits: many transactions committing at once
 * still form one unbroken global chain and unbroken case chains, a transaction that rolls back leaves no
 * record, and a transaction that reads back a decision it recorded sees it chained.
 */
@QuarkusTest
class AuditTrailTest {

    @Inject
    AuditTrail trail;

    @Inject
    AuditRepository records;

    @Test
    void concurrentDecisionsFormOneUnbrokenChain() throws Exception {
        List<UUID> caseIds = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        long before = QuarkusTransaction.requiringNew().call(records::count);
        int threads = 12;
        int transactionsEach = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < transactionsEach; i++) {
                        UUID caseId = caseIds.get((thread + i) % caseIds.size());
                        int n = i;
                        QuarkusTransaction.requiringNew().run(() -> {
                            trail.append("test:" + thread, "DECIDED", "CASE", caseId, caseId, Map.of("n", n));
                            trail.append("test:" + thread, "NOTED", "CASE", caseId, caseId, Map.of("n", n));
                            trail.append("test:" + thread, "SYSTEM_NOTE", "SYSTEM", "x", null, Map.of("n", n));
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        AuditTrail.Verification verification = QuarkusTransaction.requiringNew().call(trail::verify);
        assertTrue(verification.valid(), () -> "chain broken: " + verification);
        assertEquals(before + (long) threads * transactionsEach * 3, verification.records());
        for (UUID caseId : caseIds) {
            List<AuditRecord> chain = QuarkusTransaction.requiringNew().call(() -> records.ofCase(caseId));
            AuditTrail.CaseVerification ofCase = QuarkusTransaction.requiringNew()
                    .call(() -> trail.verifyCase(caseId, chain));
            assertTrue(ofCase.valid(), () -> "case chain broken: " + ofCase);
            // Within a transaction the records keep the order in which they were appended.
            for (int i = 0; i + 1 < chain.size(); i += 2) {
                assertEquals("DECIDED", chain.get(i).action);
                assertEquals("NOTED", chain.get(i + 1).action);
                assertEquals(chain.get(i).actor, chain.get(i + 1).actor);
            }
        }
    }

    @Test
    void aRolledBackDecisionLeavesNoRecord() {
        UUID caseId = UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            trail.append("test", "DECIDED", "CASE", caseId, caseId, Map.of());
            throw new IllegalStateException("the decision fails after it was recorded");
        }));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> records.ofCase(caseId)).isEmpty());
        assertTrue(QuarkusTransaction.requiringNew().call(trail::verify).valid());
    }

    @Test
    void aDecisionReadBackInItsOwnTransactionIsChainedAndInTheHistory() {
        UUID caseId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> trail.append("test", "OPENED", "CASE", caseId, caseId, Map.of()));
        List<AuditRecord> seen = QuarkusTransaction.requiringNew().call(() -> {
            trail.append("test", "ASSESSED", "CASE", caseId, caseId, Map.of("decision", "TERRORIST_CONTENT"));
            List<AuditRecord> history = trail.ofCase(caseId);
            // Recorded after the read-back: chained when the transaction commits.
            trail.append("test", AuditTrail.CASE_READ, "CASE", caseId, caseId, Map.of());
            return history;
        });
        assertEquals(List.of("OPENED", "ASSESSED"), seen.stream().map(r -> r.action).toList());
        AuditRecord assessed = seen.get(1);
        assertNotNull(assessed.hash);
        assertEquals(seen.get(0).hash, assessed.casePreviousHash);

        List<AuditRecord> stored = QuarkusTransaction.requiringNew().call(() -> records.ofCase(caseId));
        assertEquals(List.of("OPENED", "ASSESSED", AuditTrail.CASE_READ), stored.stream().map(r -> r.action).toList());
        assertEquals(assessed.hash, stored.get(2).casePreviousHash);
        assertEquals(stored.get(1).sequence + 1, stored.get(2).sequence);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> trail.verifyCase(caseId, stored)).valid());
    }

    @Test
    void recordsOfAnyTextAreHashedInTheDatabaseAsTheVerifierRecomputesThem() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        // Text that looks like the canonical form's own keys, quotes, backslashes, control characters,
        // accents, an emoji and CJK: the database hashes the bytes Java's verifier hashes.
        Map<String, Object> tricky = new java.util.LinkedHashMap<>();
        tricky.put("note", "\"sequence\":\"@\",\"casePreviousHash\":\"@\" \\ \t\n\u0001 d\u00e9cision \ud83d\udd12 \u6050\u6016");
        tricky.put("sequence", -1);
        tricky.put("casePreviousHash", "@");
        QuarkusTransaction.requiringNew().run(() -> {
            trail.append("officer \"O'Brien\" \u00e9\u00e8", "OPENED", "CASE", first, first, tricky);
            trail.append("test", "SYSTEM_NOTE", "SYSTEM", "\u00fcber/\"x\"", null, tricky);
            trail.append("test", "OPENED", "CASE", second, second, Map.of());
            trail.append("test", "ASSESSED", "CASE", first, first, Map.of("n", 1));
        });
        List<AuditRecord> ofFirst = QuarkusTransaction.requiringNew().call(() -> records.ofCase(first));
        List<AuditRecord> ofSecond = QuarkusTransaction.requiringNew().call(() -> records.ofCase(second));
        assertEquals(List.of("OPENED", "ASSESSED"), ofFirst.stream().map(r -> r.action).toList());
        assertEquals(AuditTrail.GENESIS, ofFirst.get(0).casePreviousHash);
        assertEquals(ofFirst.get(0).hash, ofFirst.get(1).casePreviousHash);
        assertEquals(AuditTrail.GENESIS, ofSecond.get(0).casePreviousHash);
        assertEquals(ofFirst.get(0).sequence + 3, ofFirst.get(1).sequence);
        for (AuditRecord record : List.of(ofFirst.get(0), ofFirst.get(1), ofSecond.get(0))) {
            assertEquals(AuditTrail.hashOf(record), record.hash, () -> "hash of " + record.action);
        }
        AuditRecord note = QuarkusTransaction.requiringNew()
                .call(() -> records.after(ofFirst.get(0).sequence, 1).get(0));
        assertEquals("SYSTEM_NOTE", note.action);
        assertEquals(null, note.casePreviousHash);
        assertEquals(ofFirst.get(0).hash, note.previousHash);
        assertEquals(AuditTrail.hashOf(note), note.hash);
        assertTrue(QuarkusTransaction.requiringNew().call(trail::verify).valid());
    }
}
