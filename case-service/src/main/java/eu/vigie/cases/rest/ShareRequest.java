package eu.vigie.cases.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Sharing a case with another jurisdiction, and why. */
public record ShareRequest(
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter upper-case jurisdiction code") String jurisdiction,
        @NotBlank @Size(max = 10000) String reasons) {
}
