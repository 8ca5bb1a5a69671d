package eu.vigie.cases.rest;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import eu.vigie.common.vocabulary.ContentType;

public record ReferralView(UUID id, String jurisdiction, String agency, String submittedBy, Instant submittedAt,
        String url, String canonicalUrl, String platformId, boolean platformKnown, ContentType contentType,
        String contentKey, JsonNode signals, String reference, String notes, JsonNode classification,
        Instant receivedAt) {
}
