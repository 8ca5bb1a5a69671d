package eu.vigie.ingest.client;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import eu.vigie.common.vocabulary.ContentType;
import eu.vigie.ingest.Signals;

/**
 * What case-service's {@code POST /api/v1/intake/referrals} takes (ARCHITECTURE.md);
 * {@code classification} is classify-service's answer as it was given.
 */
public record CaseIntakeRequest(UUID referralId, String jurisdiction, String agency, String submittedBy,
        Instant submittedAt, String url, String canonicalUrl, String platformId, boolean platformKnown,
        ContentType contentType, String contentKey, Signals signals, String reference, String notes,
        JsonNode classification) {
}
