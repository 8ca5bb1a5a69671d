package eu.vigie.cases.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.vigie.cases.AuditRecord;
import eu.vigie.cases.CaseFile;
import eu.vigie.cases.repository.CaseRepository;
import eu.vigie.cases.rest.AuditRecordView;
import eu.vigie.common.problem.ProblemException;

/**
 * Reading and verifying the audit trail: a case's chain for those who read the case in full and
 * auditors, the whole trail for auditors. Every such read is itself recorded (after what was read).
 */
@ApplicationScoped
public class AuditService {

    private final CaseRepository cases;
    private final CaseAccess access;
    private final Views views;
    private final AuditTrail trail;
    private final ReadAudit reads;

    public AuditService(CaseRepository cases, CaseAccess access, Views views,
            AuditTrail trail, ReadAudit reads) {
        this.cases = cases;
        this.access = access;
        this.views = views;
        this.trail = trail;
        this.reads = reads;
    }

    /** A case's chain, and its verification when asked for. */
    public record CaseTrail(List<AuditRecordView> records, AuditTrail.CaseVerification verification) {
    }

    @Transactional
    public CaseTrail ofCase(UUID caseId, boolean verify) {
        CaseFile file = cases.findByIdOptional(caseId).orElseThrow(() -> ProblemException.notFound("Case " + caseId));
        access.requireFullRead(file);
        List<AuditRecord> chain = trail.ofCase(caseId);
        AuditTrail.CaseVerification verification = verify ? trail.verifyCase(caseId, chain) : null;
        List<AuditRecordView> views = chain.stream().map(this.views::auditView).toList();
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("records", chain.size());
        what.put("lastSequence", chain.isEmpty() ? null : chain.get(chain.size() - 1).sequence);
        what.put("verified", verify);
        if (verification != null) {
            what.put("valid", verification.valid());
        }
        reads.record(AuditTrail.AUDIT_TRAIL_READ, "CASE", caseId, caseId, what);
        return new CaseTrail(views, verification);
    }

    /** Verifies the whole trail (global chain and case chains) and records that an auditor did. */
    @Transactional
    public AuditTrail.Verification verify() {
        AuditTrail.Verification result = trail.verify();
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("valid", result.valid());
        what.put("records", result.records());
        what.put("firstBrokenSequence", result.firstBrokenSequence());
        what.put("caseChainsFirstBrokenSequence", result.caseChains().firstBrokenSequence());
        reads.record(AuditTrail.AUDIT_TRAIL_VERIFIED, "AUDIT_TRAIL", "global", null, what);
        return result;
    }
}
