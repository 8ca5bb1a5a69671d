package eu.vigie.cases.client;

import java.time.Instant;
import java.util.UUID;

/** The body of ingest's {@code POST /api/v1/evidence/{sha256}/case-closed}: starts the six-month preservation. */
@io.quarkus.runtime.annotations.RegisterForReflection
public record CaseClosedNotice(UUID caseId, Instant closedAt) {
}
