package eu.vigie.cases.service;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.vigie.cases.CaseFile;
import eu.vigie.cases.VoluntaryReferral;
import eu.vigie.cases.client.Notification;
import eu.vigie.cases.repository.CaseRepository;
import eu.vigie.cases.repository.ReferralRepository;
import eu.vigie.cases.repository.VoluntaryReferralRepository;
import eu.vigie.cases.rest.VoluntaryReferralRequest;
import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.vocabulary.Category;

/**
 * Voluntary referrals: an issuer asks the platform to check assessed content against its own terms.
 * The same four-eyes rule as orders; no legal clock. The referral and its REFERRAL notification are
 * written in one transaction.
 */
@ApplicationScoped
public class VoluntaryReferralService {

    private final CaseRepository cases;
    private final ReferralRepository referrals;
    private final VoluntaryReferralRepository voluntary;
    private final CaseAccess access;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Clock clock;

    public VoluntaryReferralService(CaseRepository cases, ReferralRepository referrals,
            VoluntaryReferralRepository voluntary, CaseAccess access, AuditTrail audit, Outbox outbox, Clock clock) {
        this.cases = cases;
        this.referrals = referrals;
        this.voluntary = voluntary;
        this.access = access;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public VoluntaryReferral issue(UUID caseId, VoluntaryReferralRequest request) {
        VoluntaryReferralRequest body = request == null ? new VoluntaryReferralRequest(null, null, null) : request;
        CaseFile file = cases.findForUpdate(caseId).orElseThrow(() -> ProblemException.notFound("Case " + caseId));
        String issuer = access.requireIssuable(file, "refer it", "a referral");
        List<String> urls = body.urls() == null || body.urls().isEmpty() ? Views.urls(referrals.ofCase(caseId))
                : body.urls().stream().distinct().toList();
        if (urls.isEmpty()) {
            throw ProblemException.invalidField("urls", "must name at least one URL");
        }
        EnumSet<Category> categories = body.categories() == null || body.categories().isEmpty()
                ? EnumSet.copyOf(file.assessmentCategories) : EnumSet.copyOf(body.categories());
        VoluntaryReferral referral = new VoluntaryReferral();
        referral.id = UUID.randomUUID();
        referral.caseId = caseId;
        referral.issuingJurisdiction = file.ownerJurisdiction;
        referral.platformId = file.platformId;
        referral.urls = AnnexOne.writeUrls(urls);
        referral.categories = categories;
        referral.reasons = Optional.ofNullable(ReviewService.blankToNull(body.reasons())).orElse(file.assessmentReasons);
        referral.issuedBy = issuer;
        referral.issuedAt = Canonical.now(clock);
        voluntary.persist(referral);

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("platformId", referral.platformId);
        details.put("urls", urls);
        details.put("categories", categories.stream().map(Enum::name).toList());
        details.put("reasons", referral.reasons);
        details.put("assessedBy", file.assessedBy);
        audit.append(issuer, "REFERRAL_ISSUED", "REFERRAL", referral.id, caseId, details);

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("referralId", referral.id.toString());
        payload.put("issuingState", referral.issuingJurisdiction);
        payload.put("platformId", referral.platformId);
        payload.put("urls", urls);
        payload.put("categories", categories.stream().map(Enum::name).toList());
        payload.put("reasons", referral.reasons);
        payload.put("issuedAt", Canonical.time(referral.issuedAt));
        payload.put("nature", "A voluntary referral: please assess this content against your terms of service. "
                + "It is not a removal order under Regulation (EU) 2021/784 and carries no legal deadline.");
        outbox.enqueue(NotificationRequestedHandler.TOPIC, referral.id.toString(), Notification.referral(referral, payload));
        return referral;
    }
}
