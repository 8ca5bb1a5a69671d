package eu.vigie.cases.service;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.cases.client.ClassifyClient;
import eu.vigie.cases.client.ConfirmedSignal;
import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.outbox.OutboxHandler;
import eu.vigie.common.outbox.OutboxMessage;
import eu.vigie.common.outbox.OutboxRejectedException;

/** Delivers confirmed content's signals to classify-service's CONFIRMED bank (idempotent there). */
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
        ConfirmedSignal signal = outbox.read(message, ConfirmedSignal.class);
        try {
            classify.addConfirmed(signal);
        } catch (ClassifyClient.SignalRefusedException e) {
            throw new OutboxRejectedException(e.getMessage(), e);
        }
    }
}
