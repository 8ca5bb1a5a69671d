package eu.vigie.notify.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import eu.vigie.common.outbox.OutboxConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * Deliveries are retried for at least 24 hours before they are given up (DESIGN.md): the service
 * refuses to start with a shorter {@code vigie.outbox.dead-after}.
 */
@ApplicationScoped
public class DeadLetterPolicy {

    public static final Duration MINIMUM = Duration.ofHours(24);

    private final OutboxConfig outbox;

    public DeadLetterPolicy(OutboxConfig outbox) {
        this.outbox = outbox;
    }

    void checkAtStartup(@Observes StartupEvent event) {
        check(outbox.deadAfter());
    }

    /** Throws when deliveries would be given up in less than 24 hours. */
    public static void check(Duration deadAfter) {
        if (deadAfter.compareTo(MINIMUM) < 0) {
            throw new IllegalStateException("vigie.outbox.dead-after is " + deadAfter + ": deliveries must be retried "
                    + "for at least " + MINIMUM + " before they are given up");
        }
    }
}
