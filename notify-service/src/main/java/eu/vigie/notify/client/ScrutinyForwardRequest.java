package eu.vigie.notify.client;

import java.time.Instant;
import java.util.UUID;

/** The body of case-service's {@code POST /api/v1/removal-orders/{id}/scrutiny-requests}, idempotent by requestId. */
public record ScrutinyForwardRequest(UUID requestId, String platformId, String reasons, Instant requestedAt) {
}
