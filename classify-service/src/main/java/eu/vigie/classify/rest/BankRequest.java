package eu.vigie.classify.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A hash bank as an admin creates it; {@code enabled} defaults to true. */
@Schema(name = "BankRequest")
public record BankRequest(
        @NotNull @Size(max = 64) @Pattern(regexp = "[A-Z][A-Z0-9]*(_[A-Z0-9]+)*", message = "must be UPPER_SNAKE_CASE, such as CONFIRMED")
        @Schema(example = "PARTNER_HASHES") String name,
        @Size(max = 1000) String description,
        Boolean enabled) {
}
