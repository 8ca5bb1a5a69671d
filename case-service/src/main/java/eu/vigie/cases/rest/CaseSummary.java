package eu.vigie.cases.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import eu.vigie.cases.CaseFile;
import eu.vigie.cases.CaseStatus;
import eu.vigie.cases.Routing;
import eu.vigie.common.vocabulary.AssessmentDecision;
import eu.vigie.common.vocabulary.Tier;

/** A case in a list or the review queue; {@code score} is in [0,1], {@code routing} classify-service's suggestion. */
public record CaseSummary(UUID id, String ownerJurisdiction, String ownerAgency, CaseStatus status, Tier tier,
        BigDecimal score, Routing routing, String platformId, String claimedBy, AssessmentDecision decision, Instant createdAt,
        Instant updatedAt) {

    public static CaseSummary of(CaseFile file) {
        return new CaseSummary(file.id, file.ownerJurisdiction, file.ownerAgency, file.status, file.tier, file.displayScore(),
                file.routing,
                file.platformId, file.claimedBy, file.assessmentDecision, file.createdAt, file.updatedAt);
    }
}
