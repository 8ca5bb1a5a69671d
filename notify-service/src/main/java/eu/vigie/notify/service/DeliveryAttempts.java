package eu.vigie.notify.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.vigie.notify.Delivery;
import eu.vigie.notify.DeliveryAttempt;
import eu.vigie.notify.repository.DeliveryAttemptRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The proof of delivery's attempt record, one row per attempt on any channel: when, to what target,
 * the status code if the target answered one, how long it took, and why it failed. Recorded in the
 * caller's transaction, with the delivery's current target. Counted for operators as
 * {@code vigie.notify.delivery.attempts} (tags {@code channel}, {@code outcome}: {@code answered-2xx},
 * {@code answered-other} or {@code failed}) and timed as {@code vigie.notify.delivery.latency}.
 */
@ApplicationScoped
public class DeliveryAttempts {

    /** The longest error kept (the column's size). */
    static final int MAX_ERROR = 2000;

    private final DeliveryAttemptRepository attempts;
    private final MeterRegistry metrics;

    public DeliveryAttempts(DeliveryAttemptRepository attempts, MeterRegistry metrics) {
        this.attempts = attempts;
        this.metrics = metrics;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public DeliveryAttempt record(Delivery delivery, Instant attemptedAt, String target, Integer statusCode,
            long latencyMs, String error) {
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.id = UUID.randomUUID();
        attempt.deliveryId = delivery.id;
        attempt.attemptedAt = attemptedAt;
        attempt.target = target;
        attempt.statusCode = statusCode;
        attempt.latencyMs = latencyMs;
        attempt.error = error == null ? null : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        attempts.persist(attempt);
        delivery.target = target;
        String channel = String.valueOf(delivery.channel);
        String outcome = statusCode == null ? "failed" : statusCode >= 200 && statusCode < 300 ? "answered-2xx" : "answered-other";
        metrics.counter("vigie.notify.delivery.attempts", "channel", channel, "outcome", outcome).increment();
        Timer.builder("vigie.notify.delivery.latency").tag("channel", channel).register(metrics)
                .record(java.time.Duration.ofMillis(Math.max(0, latencyMs)));
        return attempt;
    }
}
