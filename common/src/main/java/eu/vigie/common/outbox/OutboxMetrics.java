package eu.vigie.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/** Publishes the outbox depth (pending and dead messages) for operators and alerts. */
@ApplicationScoped
public class OutboxMetrics {

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("vigie.outbox.pending", () -> count("deliveredAt is null and deadAt is null"))
                .description("Outbox messages not yet delivered").register(registry);
        Gauge.builder("vigie.outbox.dead", () -> count("deadAt is not null"))
                .description("Outbox messages given up as dead letters").register(registry);
    }

    private static double count(String query) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count(query));
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
