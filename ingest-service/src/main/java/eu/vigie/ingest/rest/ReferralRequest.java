package eu.vigie.ingest.rest;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.common.vocabulary.ContentType;

/**
 * A referral as an agency submits it. {@code TEXT} needs {@code text}; {@code IMAGE}, {@code VIDEO}
 * and {@code DOCUMENT} need {@code media}; {@code URL} (the default) reports the URL alone, with an
 * optional {@code text} describing it.
 */
@Schema(name = "ReferralRequest")
public record ReferralRequest(
        @Schema(description = "Where the content is: an absolute http or https URL", required = true)
        @NotBlank @Size(max = 8192)
        String url,
        @Schema(description = "The platform's id in the registry, if the referrer knows it; otherwise found by host")
        @Size(max = 64) @Pattern(regexp = "^[a-z0-9][a-z0-9-]*$", message = "must be a platform id (lower-case letters, digits, dashes)")
        String platformId,
        @Schema(description = "What is reported; URL when left out")
        ContentType contentType,
        @Schema(description = "The text of the content (required for TEXT)")
        @Size(max = 1_000_000)
        String text,
        @Schema(description = "The content's bytes (required for IMAGE, VIDEO and DOCUMENT)")
        @Valid
        MediaPayload media,
        @Schema(description = "BCP 47 language tag of the content, e.g. en, fr, ar")
        @Size(max = 35) @Pattern(regexp = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", message = "must be a BCP 47 language tag such as en or fr-FR")
        String language,
        @Schema(description = "When the referrer saw the content online (not in the future)")
        Instant observedAt,
        @Schema(description = "Free notes of the referrer")
        @Size(max = 4000)
        String notes,
        @Schema(description = "The agency's own file reference, e.g. CTIRU-123")
        @Size(max = 200)
        String reference) {

    public ContentType contentTypeOrDefault() {
        return contentType == null ? ContentType.URL : contentType;
    }
}
