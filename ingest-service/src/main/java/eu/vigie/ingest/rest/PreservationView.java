package eu.vigie.ingest.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.ingest.Evidence;

/** How long a piece of evidence is preserved, and why (TCO Art. 6). */
@Schema(name = "Preservation")
public record PreservationView(
        String sha256,
        String ownerJurisdiction,
        @Schema(description = "The case whose closure started the preservation period") UUID closedCaseId,
        Instant caseClosedAt,
        @Schema(description = "End of preservation after the case closed; null while the case is open") Instant retainUntil,
        @Schema(description = "A legal hold keeps the bytes until then, past retainUntil") Instant legalHoldUntil,
        String legalHoldReasons,
        @Schema(description = "When the bytes were purged; null while preserved") Instant purgedAt,
        String purgeReason) {

    public static PreservationView of(Evidence e) {
        return new PreservationView(e.sha256, e.ownerJurisdiction, e.closedCaseId, e.caseClosedAt, e.retainUntil,
                e.legalHoldUntil, e.legalHoldReasons, e.purgedAt, e.purgeReason);
    }
}
