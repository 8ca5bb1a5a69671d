package eu.vigie.classify.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * case-service's notice that a reviewer assessed content matching this signal as not terrorist content (ARCHITECTURE,
 * "Curation flags"). Idempotent by {@code flagId}.
 */
@Schema(name = "CurationFlagRequest")
public record CurationFlagRequest(
        @NotNull UUID flagId,
        @NotNull UUID caseId,
        @NotBlank @Size(max = 2000) String reason,
        @NotNull Instant flaggedAt) {
}
