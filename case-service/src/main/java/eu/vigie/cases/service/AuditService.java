package eu.vigie.cases.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.vigie.cases.CaseFile;
import eu.vigie.cases.repository.AuditRepository;
import eu.vigie.cases.repository.CaseRepository;
import eu.vigie.cases.rest.AuditRecordView;
import eu.vigie.common.problem.ProblemException;

/** Reading a case's audit trail, for its owning jurisdiction's officers and auditors. */
@ApplicationScoped
public class AuditService {

    private final CaseRepository cases;
    private final AuditRepository records;
    private final CaseAccess access;
    private final Views views;

    public AuditService(CaseRepository cases, AuditRepository records, CaseAccess access, Views views) {
        this.cases = cases;
        this.records = records;
        this.access = access;
        this.views = views;
    }

    @Transactional
    public List<AuditRecordView> ofCase(UUID caseId) {
        CaseFile file = cases.findByIdOptional(caseId).orElseThrow(() -> ProblemException.notFound("Case " + caseId));
        access.requireFullRead(file);
        return records.ofCase(caseId).stream().map(views::auditView).toList();
    }
}
