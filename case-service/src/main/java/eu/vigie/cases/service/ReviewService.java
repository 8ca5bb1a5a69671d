package eu.vigie.cases.service;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.vigie.cases.CaseFile;
import eu.vigie.cases.CaseStatus;
import eu.vigie.cases.client.ConfirmedSignal;
import eu.vigie.cases.config.CaseConfig;
import eu.vigie.cases.repository.CaseRepository;
import eu.vigie.cases.repository.ReferralRepository;
import eu.vigie.cases.rest.AssessmentRequest;
import eu.vigie.cases.rest.CaseSummary;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;
import eu.vigie.common.vocabulary.AssessmentDecision;
import eu.vigie.common.vocabulary.Category;

/** Review: the queue of a jurisdiction, claims, and assessments. */
@ApplicationScoped
public class ReviewService {

    private final CaseRepository cases;
    private final CaseAccess access;
    private final AuditTrail audit;
    private final Caller caller;
    private final CaseConfig config;
    private final ReferralRepository referrals;
    private final LearningLoop learningLoop;
    private final CurationFlags curation;

    public ReviewService(CaseRepository cases, CaseAccess access, AuditTrail audit, Caller caller, CaseConfig config,
            ReferralRepository referrals, LearningLoop learningLoop, CurationFlags curation) {
        this.curation = curation;
        this.cases = cases;
        this.access = access;
        this.audit = audit;
        this.caller = caller;
        this.config = config;
        this.referrals = referrals;
        this.learningLoop = learningLoop;
    }

    @Transactional
    public List<CaseSummary> queue(String jurisdiction, String limit) {
        int size = CaseService.pageSize(limit, config);
        return cases.reviewQueue(jurisdiction, size).stream().map(CaseSummary::of).toList();
    }

    /** Claims a case for review; claiming one's own claim again changes nothing. */
    @Transactional
    public CaseSummary claim(UUID id) {
        CaseFile file = load(id);
        access.requireOwner(file, Roles.REVIEWER);
        String reviewer = caller.subject();
        if (reviewer.equals(file.claimedBy)) {
            return CaseSummary.of(file);
        }
        if (file.claimedBy != null && CaseStatus.AWAITING_REVIEW.contains(file.status)) {
            throw ProblemException.conflict("Case " + id + " is claimed by " + file.claimedBy);
        }
        if (!CaseStatus.AWAITING_REVIEW.contains(file.status)) {
            throw ProblemException.conflict("Case " + id + " is " + file.status + " and no longer waits for review");
        }
        var now = Canonical.now();
        CaseStatus previous = file.status;
        file.claimedBy = reviewer;
        file.claimedAt = now;
        file.status = CaseStatus.IN_REVIEW;
        file.updatedAt = now;
        audit.append(reviewer, "CASE_CLAIMED", "CASE", file.id, file.id,
                Map.of("previousStatus", previous.name(), "status", file.status.name()));
        return CaseSummary.of(file);
    }

    @Transactional
    public CaseFile assess(UUID id, AssessmentRequest request) {
        CaseFile file = load(id);
        access.requireOwner(file, Roles.REVIEWER);
        String reviewer = caller.subject();
        if (file.claimedBy != null && !file.claimedBy.equals(reviewer)
                && CaseStatus.AWAITING_REVIEW.contains(file.status)) {
            throw ProblemException.conflict("Case " + id + " is claimed by " + file.claimedBy);
        }
        if (file.status == CaseStatus.CLOSED) {
            throw ProblemException.conflict("Case " + id + " is closed");
        }
        if (!file.status.assessable()) {
            throw ProblemException.conflict("Case " + id + " is " + file.status
                    + ": a removal order was issued on this assessment; withdraw it before re-assessing");
        }
        EnumSet<Category> categories = request.categories() == null || request.categories().isEmpty()
                ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(request.categories());
        if (request.decision() == AssessmentDecision.TERRORIST_CONTENT && categories.isEmpty()) {
            throw ProblemException.invalidField("categories",
                    "must name at least one Art. 2(7) category when the decision is TERRORIST_CONTENT");
        }
        if (request.decision() != AssessmentDecision.TERRORIST_CONTENT && !categories.isEmpty()) {
            throw ProblemException.invalidField("categories",
                    "must be empty unless the decision is TERRORIST_CONTENT");
        }
        var now = Canonical.now();
        CaseStatus previous = file.status;
        file.assessmentDecision = request.decision();
        file.assessmentCategories = categories;
        file.assessmentTier = request.tier();
        file.assessmentEntity = blankToNull(request.entity());
        file.assessmentLegalBasis = blankToNull(request.legalBasis());
        file.assessmentReasons = request.reasons().strip();
        file.assessedBy = reviewer;
        file.assessedAt = now;
        file.status = switch (request.decision()) {
            case TERRORIST_CONTENT -> CaseStatus.CONFIRMED;
            case NOT_TERRORIST_CONTENT -> CaseStatus.REJECTED;
            case NEEDS_INFORMATION -> CaseStatus.NEEDS_INFORMATION;
        };
        if (file.claimedBy == null) {
            file.claimedBy = reviewer;
            file.claimedAt = now;
        }
        if (request.tier() != null) {
            file.prioritise(request.tier(), file.score);
        }
        file.updatedAt = now;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("decision", request.decision().name());
        details.put("categories", categories.stream().map(Enum::name).toList());
        details.put("tier", request.tier() == null ? null : request.tier().name());
        details.put("entity", file.assessmentEntity);
        details.put("legalBasis", file.assessmentLegalBasis);
        details.put("reasons", file.assessmentReasons);
        details.put("previousStatus", previous.name());
        details.put("status", file.status.name());
        if (request.decision() == AssessmentDecision.TERRORIST_CONTENT) {
            List<ConfirmedSignal> sent = learningLoop.confirm(file, referrals.ofCase(file.id));
            details.put("confirmedSignals", sent.stream().map(x -> x.signalType() + ":" + x.value()).toList());
        }
        if (request.decision() == AssessmentDecision.NOT_TERRORIST_CONTENT) {
            details.put("curationFlags", curation.flag(file, referrals.ofCase(file.id), now));
        }
        audit.append(reviewer, "CASE_ASSESSED", "CASE", file.id, file.id, details);
        return file;
    }

    private CaseFile load(UUID id) {
        return cases.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("Case " + id));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
