package eu.vigie.ingest.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** case-service's notice that a case holding this evidence was shared with a jurisdiction. Idempotent by shareId. */
@Schema(name = "EvidenceShareNotice")
public record ShareRequest(
        @Schema(required = true) @NotNull UUID caseId,
        @Schema(required = true, description = "case-service's id of the share") @NotNull UUID shareId,
        @Schema(required = true) @NotNull Instant sharedAt) {
}
