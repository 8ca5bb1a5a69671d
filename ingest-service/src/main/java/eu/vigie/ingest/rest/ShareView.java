package eu.vigie.ingest.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import eu.vigie.ingest.EvidenceShare;

/** A share of evidence with a jurisdiction, as recorded. */
@Schema(name = "EvidenceShare")
public record ShareView(String sha256, String jurisdiction, UUID caseId, UUID shareId, Instant sharedAt,
        Instant revokedAt, boolean active) {

    public static ShareView of(EvidenceShare s) {
        return new ShareView(s.sha256, s.jurisdiction, s.caseId, s.shareId, s.sharedAt, s.revokedAt, s.active());
    }
}
