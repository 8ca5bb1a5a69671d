package eu.vigie.ingest.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** case-service's notice that the case of a piece of evidence closed. Idempotent by (caseId, closedAt). */
@Schema(name = "CaseClosedNotice")
public record CaseClosedRequest(
        @Schema(required = true) @NotNull UUID caseId,
        @Schema(description = "When the case closed: the preservation period runs from here", required = true)
        @NotNull Instant closedAt) {
}
