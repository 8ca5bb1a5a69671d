package eu.vigie.notify.service;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.outbox.OutboxHandler;
import eu.vigie.common.outbox.OutboxMessage;
import eu.vigie.common.outbox.OutboxRejectedException;
import eu.vigie.notify.client.CaseServiceClient;
import eu.vigie.notify.client.CaseServiceRejectedException;

/** Forwards a platform's Annex II / III feedback to case-service, which updates the order and its clock. */
@ApplicationScoped
public class FeedbackForwardHandler implements OutboxHandler {

    private final Outbox outbox;
    private final CaseServiceClient cases;

    public FeedbackForwardHandler(Outbox outbox, CaseServiceClient cases) {
        this.outbox = outbox;
        this.cases = cases;
    }

    @Override
    public String topic() {
        return Topics.FEEDBACK_RECEIVED;
    }

    @Override
    public void handle(OutboxMessage message) {
        FeedbackMessage feedback = outbox.read(message, FeedbackMessage.class);
        try {
            cases.feedback(feedback.removalOrderId(), feedback.feedback());
        } catch (CaseServiceRejectedException e) {
            throw new OutboxRejectedException(e.getMessage(), e);
        }
    }
}
