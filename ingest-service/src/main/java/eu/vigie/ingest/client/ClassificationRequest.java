package eu.vigie.ingest.client;

import java.util.UUID;

import eu.vigie.common.vocabulary.ContentType;

/**
 * What classify-service's {@code POST /api/v1/classifications} takes (ARCHITECTURE.md). {@code jurisdiction} is the
 * referral's, so that reviewers of that jurisdiction may read the verdict from classify-service.
 */
public record ClassificationRequest(UUID referralId, String url, String platformId, ContentType contentType,
        String text, String language, ClassificationSignals signals, String jurisdiction) {
}
