package eu.vigie.ingest.client;

import java.util.UUID;

import eu.vigie.common.vocabulary.ContentType;
import eu.vigie.ingest.Signals;

/** What classify-service's {@code POST /api/v1/classifications} takes (ARCHITECTURE.md). */
public record ClassificationRequest(UUID referralId, String url, String platformId, ContentType contentType,
        String text, String language, Signals signals) {
}
