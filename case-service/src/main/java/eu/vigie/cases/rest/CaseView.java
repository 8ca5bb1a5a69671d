package eu.vigie.cases.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import eu.vigie.cases.CaseStatus;
import eu.vigie.cases.Routing;
import eu.vigie.common.vocabulary.Tier;

/** A case in full: for its owning jurisdiction's officers and auditors. */
public record CaseView(UUID id, String ownerJurisdiction, String ownerAgency, CaseStatus status, String contentKey,
        String platformId, boolean platformKnown, List<String> urls, Tier tier, BigDecimal score, Routing routing,
        JsonNode classification,
        String claimedBy, Instant claimedAt, AssessmentView assessment, List<ReferralView> referrals,
        List<RemovalOrderView> removalOrders, List<VoluntaryReferralView> voluntaryReferrals,
        List<AuditRecordView> history, Closure closure, List<ShareView> shares, Instant createdAt, Instant updatedAt,
        long version) {

    /** Who closed the case, when and why (null while open). */
    public record Closure(Instant closedAt, String closedBy, String reasons) {
    }
}
