package eu.vigie.notify.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new webhook secret, and how long the previous one keeps signing beside it. */
@Schema(name = "WebhookSecretRotation")
public record WebhookSecretRotation(
        @NotNull @Size(max = 200) @Schema(writeOnly = true, description = "whsec_ + base64 of 24 to 64 random bytes") String secret,
        @Min(0) @Max(604800) @Schema(description = "Seconds both secrets sign; 86400 when left out", defaultValue = "86400") Long overlapSeconds) {

    public static final long DEFAULT_OVERLAP_SECONDS = 86400;
}
