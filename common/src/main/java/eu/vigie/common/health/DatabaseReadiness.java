package eu.vigie.common.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Ready only while the service's database answers, and says so at once, whatever the database is doing.
 * <p>
 * The database is probed in the background every second (a connection from the pool, validated); readiness answers
 * from the last probe. Asking the pool from the readiness request itself, as Quarkus's own data-source check does,
 * makes the answer wait while the database is away: the pool waits for a connection it cannot make (1-2 s per
 * request here), longer than a probe's patience, so a service without its database looked hung instead of not
 * ready. Here a probe that fails makes the service unready at once, and a probe that has not finished within
 * {@link #STALE_AFTER} (a database that does not answer at all) makes it unready too. The first probe runs as the
 * service starts, so that a started service is ready at once rather than up to a second later.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "database";
    /** How long the database has to answer a probe's validation. */
    static final int VALIDATION_TIMEOUT_SECONDS = 2;
    /** A last successful probe older than this (probes run every second) means the database is not answering. */
    static final Duration STALE_AFTER = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final LongSupplier nanoTime;
    private volatile Probe last;

    @Inject
    public DatabaseReadiness(DataSource dataSource) {
        this(dataSource, System::nanoTime);
    }

    DatabaseReadiness(DataSource dataSource, LongSupplier nanoTime) {
        this.dataSource = dataSource;
        this.nanoTime = nanoTime;
    }

    void probeOnStart(@Observes StartupEvent started) {
        probe();
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        long started = nanoTime.getAsLong();
        String failure;
        try (Connection connection = dataSource.getConnection()) {
            failure = connection.isValid(VALIDATION_TIMEOUT_SECONDS) ? null
                    : "the database did not answer a validation within " + VALIDATION_TIMEOUT_SECONDS + " s";
        } catch (SQLException | RuntimeException e) {
            failure = e.getMessage() == null ? "the database cannot be reached" : e.getMessage();
        }
        last = new Probe(started, failure);
    }

    @Override
    public HealthCheckResponse call() {
        Probe probe = last;
        if (probe == null) {
            return HealthCheckResponse.named(NAME).down().withData("database", "not probed yet").build();
        }
        if (probe.failure() != null) {
            return HealthCheckResponse.named(NAME).down().withData("database", probe.failure()).build();
        }
        Duration age = Duration.ofNanos(nanoTime.getAsLong() - probe.startedNanos());
        if (age.compareTo(STALE_AFTER) > 0) {
            return HealthCheckResponse.named(NAME).down()
                    .withData("database", "no answer for " + age.toSeconds() + " s").build();
        }
        return HealthCheckResponse.named(NAME).up().build();
    }

    private record Probe(long startedNanos, String failure) {
    }
}
