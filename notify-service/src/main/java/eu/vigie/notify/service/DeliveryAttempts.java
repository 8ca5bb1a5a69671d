package eu.vigie.notify.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.vigie.notify.Delivery;
import eu.vigie.notify.DeliveryAttempt;
import eu.vigie.notify.repository.DeliveryAttemptRepository;

/**
 * The proof of delivery's attempt record, one row per attempt on any channel: when, to what target,
 * the status code if the target answered one, how long it took, and why it failed. Recorded in the
 * caller's transaction, with the delivery's current target.
 */
@ApplicationScoped
public class DeliveryAttempts {

    /** The longest error kept (the column's size). */
    static final int MAX_ERROR = 2000;

    private final DeliveryAttemptRepository attempts;

    public DeliveryAttempts(DeliveryAttemptRepository attempts) {
        this.attempts = attempts;
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
        return attempt;
    }
}
