package eu.vigie.notify.client;

import java.time.Instant;
import java.util.UUID;

import eu.vigie.common.vocabulary.AnnexIIAction;
import eu.vigie.common.vocabulary.AnnexIIIReason;
import eu.vigie.common.vocabulary.FeedbackForm;

/** The body of case-service's {@code POST /api/v1/removal-orders/{id}/feedback}, idempotent by feedbackId. */
// read and written only through ObjectMapper (inside an outbox payload): registered for native images
@io.quarkus.runtime.annotations.RegisterForReflection
public record FeedbackForwardRequest(UUID feedbackId, String platformId, FeedbackForm form, AnnexIIAction action,
        Instant actionAt, String reference, AnnexIIIReason reason, String explanation, Boolean clarificationRequested,
        Instant receivedAt) {
}
