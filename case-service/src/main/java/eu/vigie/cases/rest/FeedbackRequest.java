package eu.vigie.cases.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import eu.vigie.common.vocabulary.AnnexIIAction;
import eu.vigie.common.vocabulary.AnnexIIIReason;
import eu.vigie.common.vocabulary.FeedbackForm;

/** A provider's Annex II / III feedback relayed by notify-service (ARCHITECTURE.md). */
public record FeedbackRequest(@NotNull UUID feedbackId, @NotBlank @Size(max = 100) String platformId,
        @NotNull FeedbackForm form, AnnexIIAction action, Instant actionAt, @Size(max = 200) String reference,
        AnnexIIIReason reason, @Size(max = 10000) String explanation,
        @Size(max = 10000) String clarificationRequested, Instant receivedAt) {
}
