package eu.vigie.cases.client;

import java.time.Instant;
import java.util.UUID;

/**
 * The body of classify's {@code POST /api/v1/banks/{bank}/signals/{signalId}/curation-flags}: a
 * reviewer assessed content that matched this signal as not terrorist content. Idempotent there by
 * {@code flagId}; classify-service keeps the flag for a curator and does not disable the signal.
 */
@io.quarkus.runtime.annotations.RegisterForReflection
public record CurationFlag(UUID flagId, UUID caseId, String reason, Instant flaggedAt) {
}
