package eu.vigie.classify.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import eu.vigie.classify.BankSignal;
import eu.vigie.classify.pdq.PdqHashes;
import eu.vigie.classify.pdq.PdqMultiIndex;
import eu.vigie.classify.rest.SignalMatch;
import eu.vigie.common.vocabulary.SignalType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * PDQ matching by an in-memory multi-index ({@link PdqMultiIndex}), exact at any distance. The index is loaded from
 * PostgreSQL at start-up and kept current without rebuilding: this replica's own changes are applied when their
 * transaction commits, and every replica reads the signal change feed ({@code bank_signal.change_seq}, see migration
 * V3) every {@code vigie.classify.index-poll-millis} to apply the others'. The index proposes; PostgreSQL confirms:
 * the matched signals are read back and only those still enabled, in enabled banks, are answered, so a change not yet
 * polled can never produce a wrong match (at worst a replica misses a signal added elsewhere for one poll interval).
 */
@ApplicationScoped
public class PdqIndex implements SignalIndex {

    private static final Logger LOG = Logger.getLogger(PdqIndex.class);
    private static final long FEED_LOCK = 7231964001L;
    private static final int PAGE = 10_000;

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final PdqMultiIndex index = new PdqMultiIndex();
    private volatile long appliedUpTo = -1;

    public PdqIndex(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    @Override
    public SignalType signalType() {
        return SignalType.PDQ;
    }

    void onStart(@Observes StartupEvent event) {
        long started = System.nanoTime();
        catchUp();
        LOG.infof("PDQ index loaded: %d enabled signals up to change %d in %d ms", index.size(), appliedUpTo,
                (System.nanoTime() - started) / 1_000_000);
    }

    @Scheduled(every = "${vigie.classify.index-poll-millis:2000}ms", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        catchUp();
    }

    /** The number of enabled PDQ signals in the index. */
    public int size() {
        return index.size();
    }

    /** Applies every committed change after the last one applied; safe to call from any thread at any time. */
    public synchronized void catchUp() {
        long upTo = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(" + FEED_LOCK + ") AS text)").getSingleResult();
            Object[] row = (Object[]) em
                    .createNativeQuery("SELECT last_value, is_called FROM bank_signal_change_seq").getSingleResult();
            return Boolean.TRUE.equals(row[1]) ? ((Number) row[0]).longValue() : 0L;
        });
        long from = appliedUpTo;
        while (from < upTo) {
            long after = from;
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> page(after, upTo));
            for (Object[] row : rows) {
                index.put((UUID) row[0], PdqHashes.fromHex((String) row[1]), (Boolean) row[2]);
            }
            from = rows.size() < PAGE ? upTo : ((Number) rows.get(rows.size() - 1)[3]).longValue();
        }
        appliedUpTo = upTo;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> page(long after, long upTo) {
        return em.createNativeQuery("""
                SELECT id, value, enabled, change_seq FROM bank_signal
                WHERE signal_type = 'PDQ' AND change_seq > :after AND change_seq <= :upTo
                ORDER BY change_seq LIMIT :page
                """).setParameter("after", after).setParameter("upTo", upTo).setParameter("page", PAGE)
                .getResultList();
    }

    /**
     * Applies a change of this replica once its transaction commits (read-your-writes without waiting for the poll);
     * outside a transaction it is applied at once.
     */
    public void applyAfterCommit(UUID id, String value, boolean enabled) {
        long[] hash = PdqHashes.fromHex(value);
        if (transactions.getTransactionKey() == null) {
            index.put(id, hash, enabled);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    index.put(id, hash, enabled);
                }
            }
        });
    }

    @Override
    public List<List<SignalMatch>> lookup(List<String> values, int maxDistance) {
        List<List<PdqMultiIndex.Hit>> hits = new ArrayList<>(values.size());
        Set<UUID> ids = new HashSet<>();
        for (String value : values) {
            List<PdqMultiIndex.Hit> found = index.search(PdqHashes.fromHex(value), maxDistance);
            hits.add(found);
            found.forEach(h -> ids.add(h.signalId()));
        }
        Map<UUID, BankSignal> confirmed = confirm(ids);
        List<List<SignalMatch>> results = new ArrayList<>(values.size());
        for (List<PdqMultiIndex.Hit> found : hits) {
            List<SignalMatch> matches = new ArrayList<>(found.size());
            for (PdqMultiIndex.Hit hit : found) {
                BankSignal signal = confirmed.get(hit.signalId());
                if (signal != null) {
                    matches.add(SignalMatch.of(signal, hit.distance()));
                }
            }
            matches.sort(Comparator.comparingInt(SignalMatch::distance).thenComparing(SignalMatch::bank)
                    .thenComparing(m -> m.signalId().toString()));
            results.add(matches);
        }
        return results;
    }

    /** The signals among {@code ids} that are enabled PDQ signals of enabled banks, now. */
    private Map<UUID, BankSignal> confirm(Set<UUID> ids) {
        Map<UUID, BankSignal> confirmed = new HashMap<>();
        if (ids.isEmpty()) {
            return confirmed;
        }
        List<UUID> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 1000) {
            List<BankSignal> signals = em.createQuery("select s from BankSignal s, HashBank b where b.name = s.bankName"
                    + " and b.enabled = true and s.enabled = true and s.signalType = :type and s.id in :ids",
                    BankSignal.class).setParameter("type", SignalType.PDQ)
                    .setParameter("ids", all.subList(from, Math.min(all.size(), from + 1000))).getResultList();
            signals.forEach(s -> confirmed.put(s.id, s));
        }
        return confirmed;
    }
}
