package eu.vigie.cases.service;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.cases.client.ClassifyClient;
import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.outbox.OutboxHandler;
import eu.vigie.common.outbox.OutboxMessage;
import eu.vigie.common.outbox.OutboxRejectedException;

/** Delivers curation flags to classify-service's bank signals (idempotent there by flagId). */
@ApplicationScoped
public class CurationFlagHandler implements OutboxHandler {

    private final Outbox outbox;
    private final ClassifyClient classify;

    public CurationFlagHandler(Outbox outbox, ClassifyClient classify) {
        this.outbox = outbox;
        this.classify = classify;
    }

    @Override
    public String topic() {
        return CurationFlags.TOPIC;
    }

    @Override
    public void handle(OutboxMessage message) {
        CurationFlagMessage m = outbox.read(message, CurationFlagMessage.class);
        try {
            classify.flag(m.bank(), m.signalId(), m.flag());
        } catch (ClassifyClient.SignalRefusedException e) {
            throw new OutboxRejectedException(e.getMessage(), e);
        }
    }
}
