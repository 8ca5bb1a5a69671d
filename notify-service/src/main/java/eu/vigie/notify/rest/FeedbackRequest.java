package eu.vigie.notify.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.common.vocabulary.AnnexIIAction;
import eu.vigie.common.vocabulary.AnnexIIIReason;
import eu.vigie.common.vocabulary.FeedbackForm;

/**
 * A platform's answer to a removal order. Annex II: {@code action} and {@code actionAt} (not in the
 * future, not before the order was notified), optional {@code reference}. Annex III: {@code reason},
 * {@code explanation}, {@code clarificationRequested}, optional {@code reference}.
 */
@Schema(name = "FeedbackRequest")
public record FeedbackRequest(
        @NotNull FeedbackForm form,
        @Schema(description = "Annex II: what was done") AnnexIIAction action,
        @Schema(description = "Annex II: when it was done") Instant actionAt,
        @Size(max = 200) @Schema(description = "The platform's own reference") String reference,
        @Schema(description = "Annex III: why the order cannot be executed") AnnexIIIReason reason,
        @Size(max = 4000) @Schema(description = "Annex III: the explanation") String explanation,
        @Schema(description = "Annex III: whether the platform asks the authority for clarification") Boolean clarificationRequested) {
}
