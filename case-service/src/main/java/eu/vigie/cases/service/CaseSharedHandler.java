package eu.vigie.cases.service;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.cases.client.EvidenceShare;
import eu.vigie.cases.client.IngestClient;
import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.outbox.OutboxHandler;
import eu.vigie.common.outbox.OutboxMessage;
import eu.vigie.common.outbox.OutboxRejectedException;

/** Carries a case's shares and their revocations to its evidence at ingest-service (idempotent there). */
@ApplicationScoped
public class CaseSharedHandler implements OutboxHandler {

    private final Outbox outbox;
    private final IngestClient ingest;

    public CaseSharedHandler(Outbox outbox, IngestClient ingest) {
        this.outbox = outbox;
        this.ingest = ingest;
    }

    @Override
    public String topic() {
        return CaseShareService.TOPIC;
    }

    @Override
    public void handle(OutboxMessage message) {
        EvidenceShareMessage m = outbox.read(message, EvidenceShareMessage.class);
        try {
            if (m.action() == EvidenceShareMessage.Action.SHARE) {
                ingest.share(m.sha256(), m.jurisdiction(), new EvidenceShare(m.caseId(), m.shareId(), m.sharedAt()));
            } else {
                ingest.unshare(m.sha256(), m.jurisdiction());
            }
        } catch (IngestClient.EvidenceRefusedException e) {
            throw new OutboxRejectedException(e.getMessage(), e);
        }
    }
}
