package eu.vigie.notify.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.notify.Feedback;

/** The platform's proof that its feedback was received. */
@Schema(name = "FeedbackReceipt")
public record FeedbackReceipt(UUID id, Instant receivedAt) {

    public static FeedbackReceipt of(Feedback feedback) {
        return new FeedbackReceipt(feedback.id, feedback.receivedAt);
    }
}
