package eu.vigie.cases.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Internal: a provider's request for scrutiny relayed by notify-service; idempotent by requestId. */
public record ScrutinyRequestBody(@NotNull UUID requestId, @NotBlank @Size(max = 100) String platformId,
        @NotBlank @Size(max = 10000) String reasons, @NotNull Instant requestedAt) {
}
