package eu.vigie.classify.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A name an entity is known by. {@code caseSensitive} (default false) for names that are also everyday phrases. */
@Schema(name = "AliasRequest")
public record AliasRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Daech") String alias,
        @NotNull @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code") @Schema(example = "fr") String language,
        Boolean caseSensitive) {
}
