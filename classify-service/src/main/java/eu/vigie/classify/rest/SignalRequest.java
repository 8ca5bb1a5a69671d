package eu.vigie.classify.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.common.vocabulary.SignalType;

/**
 * A signal to add to a bank (an export line's {@code curationFlags} are ignored, so an export can be imported again).
 *  {@code value} is hexadecimal (64 digits for PDQ and SHA256, 32 for MD5), any case. */
@Schema(name = "SignalRequest")
@JsonIgnoreProperties({ "curationFlags" })
public record SignalRequest(
        @NotNull SignalType signalType,
        @NotBlank @Size(max = 64) String value,
        @Valid SignalLabels labels,
        @Size(max = 500) String source) {
}
