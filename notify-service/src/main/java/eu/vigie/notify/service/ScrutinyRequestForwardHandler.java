package eu.vigie.notify.service;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.outbox.OutboxHandler;
import eu.vigie.common.outbox.OutboxMessage;
import eu.vigie.common.outbox.OutboxRejectedException;
import eu.vigie.notify.client.CaseServiceClient;
import eu.vigie.notify.client.CaseServiceRejectedException;

/** Forwards a platform's request for scrutiny of a cross-border order to case-service. */
@ApplicationScoped
public class ScrutinyRequestForwardHandler implements OutboxHandler {

    private final Outbox outbox;
    private final CaseServiceClient cases;

    public ScrutinyRequestForwardHandler(Outbox outbox, CaseServiceClient cases) {
        this.outbox = outbox;
        this.cases = cases;
    }

    @Override
    public String topic() {
        return Topics.SCRUTINY_REQUESTED;
    }

    @Override
    public void handle(OutboxMessage message) {
        ScrutinyRequestMessage forward = outbox.read(message, ScrutinyRequestMessage.class);
        try {
            cases.scrutinyRequest(forward.removalOrderId(), forward.request());
        } catch (CaseServiceRejectedException e) {
            throw new OutboxRejectedException(e.getMessage(), e);
        }
    }
}
