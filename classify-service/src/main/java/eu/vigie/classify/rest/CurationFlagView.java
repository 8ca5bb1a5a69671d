package eu.vigie.classify.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.classify.CurationFlag;

/** A curation flag on a signal; open while {@code clearedAt} is null. */
@Schema(name = "CurationFlag")
public record CurationFlagView(UUID flagId, UUID signalId, String bank, UUID caseId, String reason, Instant flaggedAt,
        Instant receivedAt, Instant clearedAt, String clearedBy, String clearNote) {

    public static CurationFlagView of(CurationFlag f) {
        return new CurationFlagView(f.flagId, f.signalId, f.bankName, f.caseId, f.reason, f.flaggedAt, f.receivedAt,
                f.clearedAt, f.clearedBy, f.clearNote);
    }
}
