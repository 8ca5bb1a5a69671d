package eu.vigie.common.outbox;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes delivered outbox messages once they are older than {@code vigie.outbox.retention} (30 days by default), so
 * that the table holds what is pending, what is dead and a month of history instead of every hand-off ever made.
 * Dead-lettered messages stay (operators and notify-service's dead-delivery sweep read them), and so do pending ones.
 * A deleted message no longer holds back a later message of its key: the relay's claim treats a predecessor that is
 * gone as done (see {@link OutboxRelay#CLAIM}).
 * <p>
 * Deletes in batches of {@value #BATCH}, each committed on its own, so that no sweep holds many row locks or one
 * long transaction; replicas sweeping at the same moment skip each other's rows.
 */
@ApplicationScoped
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);
    static final int BATCH = 1000;
    private static final String PURGE = """
            DELETE FROM outbox_message WHERE id IN (
              SELECT id FROM outbox_message
              WHERE delivered_at IS NOT NULL AND delivered_at < ?
              LIMIT ? FOR UPDATE SKIP LOCKED)
            """;

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;

    public OutboxRetention(AgroalDataSource dataSource, OutboxConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            long deleted = purgeDeliveredBefore(Instant.now().minus(config.retention()));
            if (deleted > 0) {
                LOG.infof("Outbox retention: %d delivered messages older than %s deleted", deleted, config.retention());
            }
        } catch (SQLException | RuntimeException e) {
            // The database may be away: the next sweep deletes what this one did not.
            LOG.warnf("Outbox retention could not delete delivered messages: %s", e.getMessage());
        }
    }

    /** Deletes every message delivered before {@code cutoff}; answers how many. */
    public long purgeDeliveredBefore(Instant cutoff) throws SQLException {
        long deleted = 0;
        int batch;
        do {
            batch = Autocommit.run(dataSource, PURGE, purge -> {
                purge.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
                purge.setInt(2, BATCH);
                return purge.executeUpdate();
            });
            deleted += batch;
        } while (batch == BATCH);
        return deleted;
    }
}
