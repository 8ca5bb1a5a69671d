package eu.vigie.ingest.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A legal hold: the bytes are kept until {@code until} whatever their retention deadline, for the stated reasons. */
@Schema(name = "LegalHoldRequest")
public record LegalHoldRequest(
        @Schema(description = "Until when the bytes must be kept (in the future)", required = true)
        @NotNull Instant until,
        @Schema(description = "Why: the proceedings, request or decision that requires the hold", required = true)
        @NotBlank @Size(max = 2000) String reasons) {
}
