package eu.vigie.ingest.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import eu.vigie.ingest.CustodyAction;
import eu.vigie.ingest.Evidence;
import eu.vigie.ingest.config.IngestConfig;
import eu.vigie.ingest.repository.EvidenceRepository;
import eu.vigie.ingest.repository.EvidenceStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The scheduled purge: deletes the bytes of evidence whose preservation has expired (retention
 * deadline passed, no legal hold in force), keeps its description and chain of custody, and records
 * the deletion (who: {@code system}, when, why). Replicas share the work: each transaction locks the
 * rows it purges with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class EvidencePurge {

    private static final Logger LOG = Logger.getLogger(EvidencePurge.class);
    /** The purge acts on its own, as the system. */
    static final Actor SYSTEM = new Actor("system", "system", null, null, null, Set.of());

    private final EvidenceRepository evidence;
    private final EvidenceStore store;
    private final IngestConfig config;
    private final Clock clock;

    public EvidencePurge(EvidenceRepository evidence, EvidenceStore store, IngestConfig config, Clock clock) {
        this.evidence = evidence;
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${vigie.ingest.purge-every:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int purged = purgeExpired(clock.instant());
        if (purged > 0) {
            LOG.infof("Purged the bytes of %d piece(s) of evidence whose preservation had expired", purged);
        }
    }

    /** Purges everything expired at {@code now}; answers how many pieces of evidence were purged. */
    public int purgeExpired(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> {
                List<String> due = evidence.lockExpired(at, config.purgeBatchSize());
                for (String sha256 : due) {
                    Evidence e = evidence.findById(sha256);
                    store.delete(sha256);
                    e.purgedAt = at;
                    e.purgeReason = "preservation expired: case " + e.closedCaseId + " closed at " + e.caseClosedAt
                            + ", retained until " + e.retainUntil
                            + (e.legalHoldUntil != null ? ", legal hold ended " + e.legalHoldUntil : "");
                    PreservationService.record(sha256, CustodyAction.PURGED, SYSTEM, at, e.purgeReason);
                }
                return due.size();
            });
            total += batch;
        } while (batch == config.purgeBatchSize());
        return total;
    }
}
