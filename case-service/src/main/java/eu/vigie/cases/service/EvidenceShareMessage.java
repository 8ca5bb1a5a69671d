package eu.vigie.cases.service;

import java.time.Instant;
import java.util.UUID;

/**
 * Outbox payload of topic {@value CaseShareService#TOPIC} (keyed by case id, so a share and its
 * revocation reach ingest-service in order): {@code SHARE} or {@code REVOKE} one piece of evidence.
 */
@io.quarkus.runtime.annotations.RegisterForReflection
public record EvidenceShareMessage(Action action, String sha256, String jurisdiction, UUID caseId, UUID shareId,
        Instant sharedAt) {

    public enum Action {
        SHARE,
        REVOKE
    }
}
