package eu.vigie.cases.service;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.cases.client.CaseClosedNotice;
import eu.vigie.cases.client.IngestClient;
import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.outbox.OutboxHandler;
import eu.vigie.common.outbox.OutboxMessage;
import eu.vigie.common.outbox.OutboxRejectedException;

/** Tells ingest-service that a case closed, once per piece of its evidence (idempotent there). */
@ApplicationScoped
public class CaseClosedHandler implements OutboxHandler {

    private final Outbox outbox;
    private final IngestClient ingest;

    public CaseClosedHandler(Outbox outbox, IngestClient ingest) {
        this.outbox = outbox;
        this.ingest = ingest;
    }

    @Override
    public String topic() {
        return CaseClosureService.TOPIC;
    }

    @Override
    public void handle(OutboxMessage message) {
        CaseClosedMessage closed = outbox.read(message, CaseClosedMessage.class);
        try {
            ingest.caseClosed(closed.sha256(), new CaseClosedNotice(closed.caseId(), closed.closedAt()));
        } catch (IngestClient.EvidenceRefusedException e) {
            throw new OutboxRejectedException(e.getMessage(), e);
        }
    }
}
