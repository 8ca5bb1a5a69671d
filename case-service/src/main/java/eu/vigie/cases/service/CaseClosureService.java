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
import eu.vigie.cases.CaseStatus;
import eu.vigie.cases.RemovalOrder;
import eu.vigie.cases.repository.CaseRepository;
import eu.vigie.cases.repository.ReferralRepository;
import eu.vigie.cases.repository.RemovalOrderRepository;
import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;
import eu.vigie.common.vocabulary.AssessmentDecision;

/**
 * Closing a case. A case closes only by an explicit act of a {@code reviewer} or {@code issuer} of its
 * owning jurisdiction, with reasons, and only once nothing is left to do on it:
 * <ul>
 * <li>it has a final assessment: {@code TERRORIST_CONTENT} or {@code NOT_TERRORIST_CONTENT} (not
 * waiting for review, not {@code NEEDS_INFORMATION});</li>
 * <li>every removal order on it has reached a final state: {@code COMPLIED}, {@code WITHDRAWN} or
 * {@code REVOKED} (an order pending, running, suspended or {@code OVERDUE} keeps the case open).</li>
 * </ul>
 * Closing is explicit rather than automatic because it starts the evidence's six-month preservation
 * (Art. 6) and ends further work on the case: that is a decision a person takes and records. Closing
 * writes, in one transaction, the case's new status, an audit record, and for every SHA-256 of its
 * evidence a {@code case.closed} message to ingest-service. A closed case is final: no claim,
 * assessment, order or referral; the same content referred again opens a new case.
 */
@ApplicationScoped
public class CaseClosureService {

    public static final String TOPIC = "case.closed";

    private static final Set<String> CLOSING_ROLES = Set.of(Roles.REVIEWER, Roles.ISSUER);

    private final CaseRepository cases;
    private final ReferralRepository referrals;
    private final RemovalOrderRepository orders;
    private final CaseAccess access;
    private final CaseEvidence evidence;
    private final Caller caller;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Clock clock;

    public CaseClosureService(CaseRepository cases, ReferralRepository referrals, RemovalOrderRepository orders,
            CaseAccess access, CaseEvidence evidence, Caller caller, AuditTrail audit, Outbox outbox, Clock clock) {
        this.cases = cases;
        this.referrals = referrals;
        this.orders = orders;
        this.access = access;
        this.evidence = evidence;
        this.caller = caller;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public CaseFile close(UUID caseId, String reasons) {
        CaseFile file = cases.findForUpdate(caseId).orElseThrow(() -> ProblemException.notFound("Case " + caseId));
        access.requireOwner(file, CLOSING_ROLES);
        if (file.status == CaseStatus.CLOSED) {
            throw ProblemException.conflict("Case " + caseId + " was closed at " + file.closedAt + " by " + file.closedBy);
        }
        if (file.assessmentDecision != AssessmentDecision.TERRORIST_CONTENT
                && file.assessmentDecision != AssessmentDecision.NOT_TERRORIST_CONTENT) {
            throw ProblemException.conflict("Case " + caseId + " is " + file.status
                    + ": it can close only once assessed TERRORIST_CONTENT or NOT_TERRORIST_CONTENT");
        }
        List<RemovalOrder> open = orders.list("caseId = ?1 order by issuedAt", caseId).stream()
                .filter(o -> o.status.inForce()).toList();
        if (!open.isEmpty()) {
            throw ProblemException.conflict("Case " + caseId + " has removal orders not yet final ("
                    + String.join(", ", open.stream().map(o -> o.referenceNumber + " " + o.status).toList())
                    + "): an order must be COMPLIED, WITHDRAWN or REVOKED before its case closes");
        }
        var now = Canonical.now(clock);
        String officer = caller.subject();
        CaseStatus previous = file.status;
        file.status = CaseStatus.CLOSED;
        file.closedAt = now;
        file.closedBy = officer;
        file.closureReasons = reasons.strip();
        file.updatedAt = now;
        List<String> hashes = evidence.sha256s(referrals.ofCase(caseId));
        for (String sha256 : hashes) {
            outbox.enqueue(TOPIC, caseId.toString(), new CaseClosedMessage(sha256, caseId, now));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("previousStatus", previous.name());
        details.put("status", file.status.name());
        details.put("decision", file.assessmentDecision.name());
        details.put("reasons", file.closureReasons);
        details.put("closedAt", Canonical.time(now));
        details.put("evidence", hashes);
        audit.append(officer, "CASE_CLOSED", "CASE", file.id, file.id, details);
        return file;
    }
}
