package eu.vigie.cases.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The loop the clustered-safe watches share (overdue deadlines, pre-notice release): take a batch of
 * due rows locked with {@code FOR UPDATE SKIP LOCKED} in a new transaction, act on each, commit, and
 * go on while batches come back full. Replicas running at the same moment share the work; a failed
 * batch keeps nothing and is looked at again by the next run.
 */
final class LockedBatches {

    /** Locks up to {@code limit} due rows as of {@code now} (in the current transaction) and answers their ids. */
    interface Due {
        List<UUID> lock(Instant now, int limit);
    }

    /** Acts on one due row; answers whether it did (false when it changed meanwhile). */
    interface Step {
        boolean apply(UUID id, Instant now);
    }

    private LockedBatches() {
    }

    /**
     * Runs batches of {@code size} until one comes back short; answers how many rows this replica acted on.
     *
     * @param done called with each id acted on, inside its batch's transaction (e.g. to log it)
     * @param deferred the warning logged when a batch fails
     */
    static int drain(Clock clock, int size, Due due, Step step, Consumer<UUID> done, Logger log, String deferred) {
        int total = 0;
        int batch;
        do {
            Instant now = Canonical.now(clock);
            try {
                batch = QuarkusTransaction.requiringNew().call(() -> {
                    int acted = 0;
                    for (UUID id : due.lock(now, size)) {
                        if (step.apply(id, now)) {
                            acted++;
                            done.accept(id);
                        }
                    }
                    return acted;
                });
            } catch (RuntimeException e) {
                log.warnf(e, deferred);
                return total;
            }
            total += batch;
        } while (batch == size);
        return total;
    }
}
