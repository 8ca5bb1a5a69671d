package eu.vigie.cases.service;

import java.math.BigDecimal;
import java.util.Arrays;
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
import eu.vigie.cases.Routing;
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
    private final CaseShareService shares;

    public IntakeService(CaseRepository cases, ReferralRepository referrals, AuditTrail audit, ObjectMapper mapper,
            CaseShareService shares) {
        this.shares = shares;
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
        CaseFile file = cases.findOpenByContentKey(request.contentKey()).orElse(null);
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
                file.routing = classification.routing();
                file.classification = request.classification().toString();
            } else {
                file.prioritise(null, BigDecimal.ZERO);
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
                file.routing = classification.routing();
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
        if (!created) {
            shares.referralAttached(file, referral);
        }

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("referralId", referral.id.toString());
        details.put("jurisdiction", referral.jurisdiction);
        details.put("agency", referral.agency);
        details.put("submittedBy", referral.submittedBy);
        details.put("contentKey", referral.contentKey);
        details.put("caseCreated", created);
        details.put("tier", file.tier == null ? null : file.tier.name());
        details.put("score", file.displayScore() == null ? null : file.displayScore().toPlainString());
        details.put("routing", file.routing == null ? null : file.routing.name());
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
        JsonNode score = node.get("score");
        if (score != null && !score.isNull()) {
            if (!score.isNumber()) {
                throw ProblemException.invalidField("classification.score", "must be a number in [0,1]");
            }
            BigDecimal value = score.decimalValue();
            if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
                throw ProblemException.invalidField("classification.score",
                        "must be a number in [0,1] (the 0-100 integer is retired)");
            }
            if (value.stripTrailingZeros().scale() > 3) {
                throw ProblemException.invalidField("classification.score", "must have at most three decimals");
            }
        }
        JsonNode routing = node.get("routing");
        if (routing != null && !routing.isNull() && (!routing.isTextual()
                || Arrays.stream(Routing.values()).noneMatch(r -> r.name().equals(routing.asText())))) {
            throw ProblemException.invalidField("classification.routing", "must be one of "
                    + String.join(", ", Arrays.stream(Routing.values()).map(Enum::name).toList()));
        }
        try {
            return mapper.treeToValue(node, ClassificationSummary.class);
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
