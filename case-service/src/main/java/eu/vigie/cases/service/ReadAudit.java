package eu.vigie.cases.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.vigie.common.security.Caller;

/**
 * Records a read of sensitive data in the audit trail (who read what, when), in the transaction that
 * read it: the reader's identity, tenant, jurisdiction and roles, and what was read.
 */
@ApplicationScoped
public class ReadAudit {

    private final Caller caller;
    private final AuditTrail audit;

    public ReadAudit(Caller caller, AuditTrail audit) {
        this.caller = caller;
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String subjectType, Object subjectId, UUID caseId, Map<String, ?> what) {
        Map<String, Object> details = new LinkedHashMap<>(what);
        details.put("readerTenant", caller.tenant());
        details.put("readerJurisdiction", caller.jurisdiction().orElse(null));
        details.put("readerRoles", caller.roles().stream().sorted().toList());
        audit.append(caller.subject(), action, subjectType, subjectId, caseId, details);
    }
}
