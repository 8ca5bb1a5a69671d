package eu.vigie.cases.service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.vigie.cases.CaseFile;
import eu.vigie.cases.CaseShare;
import eu.vigie.cases.Referral;
import eu.vigie.cases.repository.CaseRepository;
import eu.vigie.cases.repository.CaseShareRepository;
import eu.vigie.cases.repository.ReferralRepository;
import eu.vigie.cases.rest.ShareRequest;
import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;

/**
 * Sharing a case with another jurisdiction: an explicit, audited act of the owning jurisdiction's
 * {@code reviewer} or {@code issuer}, with reasons, revocable. While a share is active, that
 * jurisdiction's reviewers, issuers and regulators read the full case ({@link CaseAccess}); its
 * evidence at ingest-service is shared and unshared through the outbox (topic {@value #TOPIC}).
 */
@ApplicationScoped
public class CaseShareService {

    public static final String TOPIC = "case.shared";

    private static final Set<String> SHARING_ROLES = Set.of(Roles.REVIEWER, Roles.ISSUER);

    private final CaseRepository cases;
    private final CaseShareRepository shares;
    private final ReferralRepository referrals;
    private final CaseEvidence evidence;
    private final CaseAccess access;
    private final Caller caller;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Clock clock;

    public CaseShareService(CaseRepository cases, CaseShareRepository shares, ReferralRepository referrals,
            CaseEvidence evidence, CaseAccess access, Caller caller, AuditTrail audit, Outbox outbox, Clock clock) {
        this.cases = cases;
        this.shares = shares;
        this.referrals = referrals;
        this.evidence = evidence;
        this.access = access;
        this.caller = caller;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The outcome of sharing: the share, and whether this call created it (false: it was already active). */
    public record Outcome(CaseShare share, boolean created) {
    }

    @Transactional
    public Outcome share(UUID caseId, ShareRequest request) {
        CaseFile file = cases.findForUpdate(caseId).orElseThrow(() -> ProblemException.notFound("Case " + caseId));
        access.requireOwner(file, SHARING_ROLES);
        if (request.jurisdiction().equals(file.ownerJurisdiction)) {
            throw ProblemException.invalidField("jurisdiction", "is the case's own jurisdiction");
        }
        CaseShare existing = shares.active(caseId, request.jurisdiction()).orElse(null);
        if (existing != null) {
            return new Outcome(existing, false);
        }
        var now = Canonical.now(clock);
        CaseShare share = new CaseShare();
        share.id = UUID.randomUUID();
        share.caseId = caseId;
        share.jurisdiction = request.jurisdiction();
        share.reasons = request.reasons().strip();
        share.sharedBy = caller.subject();
        share.sharedAt = now;
        shares.persist(share);
        List<String> hashes = evidence.sha256s(referrals.ofCase(caseId));
        for (String sha256 : hashes) {
            outbox.enqueue(TOPIC, caseId.toString(), new EvidenceShareMessage(EvidenceShareMessage.Action.SHARE,
                    sha256, share.jurisdiction, caseId, share.id, now));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("shareId", share.id.toString());
        details.put("jurisdiction", share.jurisdiction);
        details.put("reasons", share.reasons);
        details.put("evidence", hashes);
        audit.append(share.sharedBy, "CASE_SHARED", "CASE", caseId, caseId, details);
        return new Outcome(share, true);
    }

    @Transactional
    public List<CaseShare> list(UUID caseId) {
        CaseFile file = cases.findByIdOptional(caseId).orElseThrow(() -> ProblemException.notFound("Case " + caseId));
        access.requireFullRead(file);
        return shares.ofCase(caseId);
    }

    @Transactional
    public CaseShare revoke(UUID caseId, String jurisdiction) {
        CaseFile file = cases.findForUpdate(caseId).orElseThrow(() -> ProblemException.notFound("Case " + caseId));
        access.requireOwner(file, SHARING_ROLES);
        CaseShare share = shares.active(caseId, jurisdiction).orElseThrow(() -> ProblemException.notFound(
                "No active share of case " + caseId + " with " + jurisdiction));
        var now = Canonical.now(clock);
        share.revokedAt = now;
        share.revokedBy = caller.subject();
        List<String> hashes = evidence.sha256s(referrals.ofCase(caseId));
        for (String sha256 : hashes) {
            outbox.enqueue(TOPIC, caseId.toString(), new EvidenceShareMessage(EvidenceShareMessage.Action.REVOKE,
                    sha256, share.jurisdiction, caseId, share.id, share.sharedAt));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("shareId", share.id.toString());
        details.put("jurisdiction", share.jurisdiction);
        details.put("evidence", hashes);
        audit.append(share.revokedBy, "CASE_SHARE_REVOKED", "CASE", caseId, caseId, details);
        return share;
    }

    /** A referral attached to a shared case: its evidence is shared too, with every jurisdiction holding an active share. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void referralAttached(CaseFile file, Referral referral) {
        List<CaseShare> active = shares.ofCase(file.id).stream().filter(CaseShare::active).toList();
        if (active.isEmpty()) {
            return;
        }
        for (String sha256 : evidence.sha256s(List.of(referral))) {
            for (CaseShare share : active) {
                outbox.enqueue(TOPIC, file.id.toString(), new EvidenceShareMessage(EvidenceShareMessage.Action.SHARE,
                        sha256, share.jurisdiction, file.id, share.id, share.sharedAt));
            }
        }
    }
}
