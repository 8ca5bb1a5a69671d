package eu.vigie.cases.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import eu.vigie.cases.client.ClassifyClient;
import eu.vigie.cases.client.ConfirmedSignal;
import eu.vigie.cases.client.ConfirmedSignals;
import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.outbox.OutboxHandler;
import eu.vigie.common.outbox.OutboxMessage;
import eu.vigie.common.outbox.OutboxRejectedException;

/**
 * Delivers a confirmed case's signals to classify-service's CONFIRMED bank in one call (idempotent
 * there, so a replay after a crash adds nothing twice). A message of a single signal, as written
 * before a case's signals went together, is delivered on its own.
 */
@ApplicationScoped
public class ConfirmedSignalHandler implements OutboxHandler {

    private final Outbox outbox;
    private final ClassifyClient classify;

    public ConfirmedSignalHandler(Outbox outbox, ClassifyClient classify) {
        this.outbox = outbox;
        this.classify = classify;
    }

    @Override
    public String topic() {
        return LearningLoop.TOPIC;
    }

    @Override
    public void handle(OutboxMessage message) {
        JsonNode payload = outbox.read(message, JsonNode.class);
        try {
            if (payload != null && payload.has("signals")) {
                ConfirmedSignals signals = outbox.read(message, ConfirmedSignals.class);
                if (signals.signals() == null || signals.signals().isEmpty()) {
                    throw new OutboxRejectedException("Outbox message " + message.id + " carries no signal");
                }
                classify.addConfirmed(signals);
            } else {
                classify.addConfirmed(outbox.read(message, ConfirmedSignal.class));
            }
        } catch (ClassifyClient.SignalRefusedException e) {
            throw new OutboxRejectedException(e.getMessage(), e);
        }
    }
}
