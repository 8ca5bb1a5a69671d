package eu.vigie.cases.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.cases.CaseFile;
import eu.vigie.cases.CaseStatus;
import eu.vigie.cases.Referral;
import eu.vigie.cases.rest.IntakeAnswer;
import eu.vigie.cases.rest.IntakeRequest;
import eu.vigie.cases.repository.CaseRepository;
import eu.vigie.cases.repository.ReferralRepository;
import eu.vigie.common.problem.ProblemException;

/**
 * Intake of referrals from ingest-service: one case per content key, idempotent by referral id. The
 * case belongs to the jurisdiction and agency of its first referral; later referrals of the same
 * content, from any agency or jurisdiction, attach to it and may raise its priority.
 */
@ApplicationScoped
public class IntakeService {

    private final CaseRepository cases;
    private final ReferralRepository referrals;
    private final AuditTrail audit;
    private final ObjectMapper mapper;

    public IntakeService(CaseRepository cases, ReferralRepository referrals, AuditTrail audit, ObjectMapper mapper) {
        this.cases = cases;
        this.referrals = referrals;
        this.audit = audit;
        this.mapper = mapper;
    }

    @Transactional
    public IntakeAnswer intake(IntakeRequest request, String actor) {
        ClassificationSummary classification = readClassification(request.classification());
        // Replays of the same referral, and intakes of the same content, run one after the other
        // (always in this order, so two intakes cannot wait for each other).
        cases.lockKey("referral:" + request.referralId());
        cases.lockKey("content:" + request.contentKey());
        Referral existing = referrals.findById(request.referralId());
        if (existing != null) {
            if (!existing.contentKey.equals(request.contentKey())) {
                throw ProblemException.conflict("Referral " + request.referralId()
                        + " was already taken in for other content");
            }
            CaseFile file = cases.findById(existing.caseId);
            return new IntakeAnswer(file.id, existing.createdCase, file.ownerJurisdiction, file.status);
        }
        var now = Canonical.now();
        CaseFile file = cases.findByContentKey(request.contentKey()).orElse(null);
        boolean created = file == null;
        if (created) {
            file = new CaseFile();
            file.id = UUID.randomUUID();
            file.contentKey = request.contentKey();
            file.ownerJurisdiction = request.jurisdiction();
            file.ownerAgency = request.agency();
            file.status = CaseStatus.OPEN;
            file.platformId = request.platformId();
            file.platformKnown = Boolean.TRUE.equals(request.platformKnown()) && request.platformId() != null;
            file.createdAt = now;
            file.updatedAt = now;
            if (classification != null) {
                file.prioritise(classification.tier(), classification.scoreOrZero());
                file.classification = request.classification().toString();
            } else {
                file.prioritise(null, 0);
            }
            cases.persist(file);
        } else {
            if (!file.platformKnown && Boolean.TRUE.equals(request.platformKnown()) && request.platformId() != null) {
                file.platformId = request.platformId();
                file.platformKnown = true;
            }
            if (classification != null && (file.classification == null
                    || file.moreUrgent(classification.tier(), classification.scoreOrZero()))) {
                file.prioritise(classification.tier(), classification.scoreOrZero());
                file.classification = request.classification().toString();
            }
            file.updatedAt = now;
        }
        Referral referral = new Referral();
        referral.id = request.referralId();
        referral.caseId = file.id;
        referral.createdCase = created;
        referral.jurisdiction = request.jurisdiction();
        referral.agency = request.agency();
        referral.submittedBy = request.submittedBy();
        referral.submittedAt = Canonical.micros(request.submittedAt());
        referral.url = request.url();
        referral.canonicalUrl = request.canonicalUrl();
        referral.platformId = request.platformId();
        referral.platformKnown = Boolean.TRUE.equals(request.platformKnown());
        referral.contentType = request.contentType();
        referral.contentKey = request.contentKey();
        referral.signals = request.signals() == null ? null : write(request.signals());
        referral.reference = request.reference();
        referral.notes = request.notes();
        referral.classification = request.classification() == null || request.classification().isNull() ? null
                : request.classification().toString();
        referral.receivedAt = now;
        referrals.persist(referral);

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("referralId", referral.id.toString());
        details.put("jurisdiction", referral.jurisdiction);
        details.put("agency", referral.agency);
        details.put("submittedBy", referral.submittedBy);
        details.put("contentKey", referral.contentKey);
        details.put("caseCreated", created);
        details.put("tier", file.tier == null ? null : file.tier.name());
        details.put("score", file.score);
        audit.append(actor, created ? "CASE_OPENED" : "REFERRAL_ATTACHED", "CASE", file.id, file.id, details);
        return new IntakeAnswer(file.id, created, file.ownerJurisdiction, file.status);
    }

    private ClassificationSummary readClassification(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ProblemException.invalidField("classification", "must be classify-service's verdict object or null");
        }
        try {
            ClassificationSummary summary = mapper.treeToValue(node, ClassificationSummary.class);
            if (summary.score() != null && (summary.score() < 0 || summary.score() > 100)) {
                throw ProblemException.invalidField("classification.score", "must be between 0 and 100");
            }
            return summary;
        } catch (JsonProcessingException e) {
            throw ProblemException.invalidField("classification",
                    "must carry categories (a)-(e) names, a known tier and a numeric score");
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Signals cannot be written as JSON", e);
        }
    }
}
