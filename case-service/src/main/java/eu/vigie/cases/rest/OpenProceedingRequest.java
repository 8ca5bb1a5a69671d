package eu.vigie.cases.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Opening an enforcement proceeding against a platform, on these grounds. */
public record OpenProceedingRequest(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}", message = "must be a platform id (slug)") String platformId,
        @NotBlank @Size(max = 20000) String grounds) {
}
