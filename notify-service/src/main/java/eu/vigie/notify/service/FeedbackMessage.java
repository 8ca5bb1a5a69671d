package eu.vigie.notify.service;

import java.util.UUID;

import eu.vigie.notify.client.FeedbackForwardRequest;

/** The outbox payload of {@link Topics#FEEDBACK_RECEIVED}. */
// read and written only through ObjectMapper (outbox payload): registered for native images
@io.quarkus.runtime.annotations.RegisterForReflection
public record FeedbackMessage(UUID removalOrderId, FeedbackForwardRequest feedback) {
}
