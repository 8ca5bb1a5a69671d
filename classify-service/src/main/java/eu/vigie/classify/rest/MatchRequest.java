package eu.vigie.classify.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.common.vocabulary.SignalType;

/** One value to match; {@code maxDistance} (default 31) only matters for PDQ. */
@Schema(name = "MatchRequest")
public record MatchRequest(
        @NotNull SignalType signalType,
        @NotBlank @Size(max = 64) String value,
        @Min(0) @Max(64) Integer maxDistance) {
}
