package eu.vigie.classify.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.common.vocabulary.SignalType;

/** A signal to add to a bank. {@code value} is hexadecimal (64 digits for PDQ and SHA256, 32 for MD5), any case. */
@Schema(name = "SignalRequest")
public record SignalRequest(
        @NotNull SignalType signalType,
        @NotBlank @Size(max = 64) String value,
        @Valid SignalLabels labels,
        @Size(max = 500) String source) {
}
