package eu.vigie.classify.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.common.vocabulary.Category;

/** A phrase that indicates an Art. 2(7) category, in one language. */
@Schema(name = "IndicatorRequest")
public record IndicatorRequest(
        @NotNull Category category,
        @NotBlank @Size(max = 300) @Schema(example = "how to make a bomb") String phrase,
        @NotNull @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code") @Schema(example = "en") String language) {
}
