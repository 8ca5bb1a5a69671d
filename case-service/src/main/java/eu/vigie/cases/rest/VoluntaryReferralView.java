package eu.vigie.cases.rest;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import eu.vigie.cases.VoluntaryReferral;
import eu.vigie.cases.service.AnnexOne;
import eu.vigie.common.vocabulary.Category;

/** A voluntary referral as issued. */
public record VoluntaryReferralView(UUID id, UUID caseId, String issuingState, String platformId, List<String> urls,
        List<Category> categories, String reasons, String issuedBy, Instant issuedAt) {

    public static VoluntaryReferralView of(VoluntaryReferral r) {
        return new VoluntaryReferralView(r.id, r.caseId, r.issuingJurisdiction, r.platformId, AnnexOne.readUrls(r.urls),
                List.copyOf(r.categories.isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(r.categories)),
                r.reasons, r.issuedBy, r.issuedAt);
    }
}
