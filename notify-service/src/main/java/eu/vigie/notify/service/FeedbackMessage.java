package eu.vigie.notify.service;

import java.util.UUID;

import eu.vigie.notify.client.FeedbackForwardRequest;

/** The outbox payload of {@link Topics#FEEDBACK_RECEIVED}. */
public record FeedbackMessage(UUID removalOrderId, FeedbackForwardRequest feedback) {
}
