package eu.vigie.cases.client;

import java.time.Instant;
import java.util.UUID;

/** The body of ingest's {@code PUT /api/v1/evidence/{sha256}/shares/{jurisdiction}}: the case's share reaches the evidence. */
@io.quarkus.runtime.annotations.RegisterForReflection
public record EvidenceShare(UUID caseId, UUID shareId, Instant sharedAt) {
}
