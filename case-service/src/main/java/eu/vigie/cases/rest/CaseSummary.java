package eu.vigie.cases.rest;

import java.time.Instant;
import java.util.UUID;

import eu.vigie.cases.CaseFile;
import eu.vigie.cases.CaseStatus;
import eu.vigie.common.vocabulary.AssessmentDecision;
import eu.vigie.common.vocabulary.Tier;

/** A case in a list or the review queue. */
public record CaseSummary(UUID id, String ownerJurisdiction, String ownerAgency, CaseStatus status, Tier tier,
        int score, String platformId, String claimedBy, AssessmentDecision decision, Instant createdAt,
        Instant updatedAt) {

    public static CaseSummary of(CaseFile file) {
        return new CaseSummary(file.id, file.ownerJurisdiction, file.ownerAgency, file.status, file.tier, file.score,
                file.platformId, file.claimedBy, file.assessmentDecision, file.createdAt, file.updatedAt);
    }
}
