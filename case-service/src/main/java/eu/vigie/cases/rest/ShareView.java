package eu.vigie.cases.rest;

import java.time.Instant;
import java.util.UUID;

import eu.vigie.cases.CaseShare;

/** A share of a case with another jurisdiction; {@code active} until revoked. */
public record ShareView(UUID id, UUID caseId, String jurisdiction, String reasons, String sharedBy, Instant sharedAt,
        boolean active, Instant revokedAt, String revokedBy) {

    public static ShareView of(CaseShare s) {
        return new ShareView(s.id, s.caseId, s.jurisdiction, s.reasons, s.sharedBy, s.sharedAt, s.active(),
                s.revokedAt, s.revokedBy);
    }
}
