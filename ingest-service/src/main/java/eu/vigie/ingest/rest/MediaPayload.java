package eu.vigie.ingest.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Content submitted inline with a referral. */
@Schema(name = "Media")
public record MediaPayload(
        @Schema(description = "The media type of the bytes, e.g. image/png", examples = "image/png")
        @NotBlank @Size(max = 255)
        @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9!#$&^_.+\\-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+\\-]{0,126}(\\s*;.*)?$",
                message = "must be a media type such as image/png")
        String mediaType,
        @Schema(description = "The bytes, in standard base64; at most vigie.ingest.max-media-bytes once decoded")
        @NotNull
        String dataBase64) {
}
