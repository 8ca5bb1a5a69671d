package eu.vigie.classify.rest;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.common.vocabulary.SignalType;

/** Up to 1,000 values of one signal type, answered one result per value, in order. */
@Schema(name = "BatchMatchRequest")
public record BatchMatchRequest(
        @NotNull SignalType signalType,
        @NotNull @Size(min = 1, max = 1000, message = "must hold 1 to 1000 values") List<@NotNull String> values,
        @Min(0) @Max(64) Integer maxDistance) {
}
