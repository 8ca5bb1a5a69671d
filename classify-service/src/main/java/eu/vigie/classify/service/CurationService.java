package eu.vigie.classify.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import eu.vigie.classify.BankSignal;
import eu.vigie.classify.CurationFlag;
import eu.vigie.classify.repository.CurationFlagRepository;
import eu.vigie.classify.rest.CurationFlagRequest;
import eu.vigie.common.problem.ProblemException;

/**
 * Curation flags (ARCHITECTURE, "Curation flags"): received from case-service, idempotent by flag id, audited, kept on
 * the signal for a curator, who clears them. A flag never disables its signal.
 */
@ApplicationScoped
public class CurationService {

    /** A received flag and whether this delivery created it (false: a replay, nothing changed). */
    public record Received(CurationFlag flag, boolean created) {
    }

    private final BankService banks;
    private final CurationFlagRepository flags;
    private final AuditTrail audit;
    private final EntityManager em;

    public CurationService(BankService banks, CurationFlagRepository flags, AuditTrail audit, EntityManager em) {
        this.banks = banks;
        this.flags = flags;
        this.audit = audit;
        this.em = em;
    }

    @Transactional
    public Received receive(String bankName, UUID signalId, CurationFlagRequest request, String actor) {
        BankSignal signal = banks.getSignal(bankName, signalId);
        // A concurrent delivery of the same flag may insert it meanwhile: the first one stored wins.
        int inserted = em.createNativeQuery("""
                INSERT INTO curation_flag (flag_id, signal_id, bank_name, case_id, reason, flagged_at, received_at,
                    received_by, version)
                VALUES (:flagId, :signalId, :bank, :caseId, :reason, :flaggedAt, :now, :actor, 0)
                ON CONFLICT (flag_id) DO NOTHING
                """)
                .setParameter("flagId", request.flagId())
                .setParameter("signalId", signal.id)
                .setParameter("bank", signal.bankName)
                .setParameter("caseId", request.caseId())
                .setParameter("reason", request.reason().strip())
                .setParameter("flaggedAt", request.flaggedAt().truncatedTo(ChronoUnit.MICROS))
                .setParameter("now", Instant.now().truncatedTo(ChronoUnit.MICROS))
                .setParameter("actor", actor)
                .executeUpdate();
        CurationFlag flag = flags.findByIdOptional(request.flagId())
                .orElseThrow(() -> new IllegalStateException("Curation flag vanished after insert"));
        if (!flag.signalId.equals(signal.id) || !flag.caseId.equals(request.caseId())) {
            throw ProblemException.conflict("Curation flag " + request.flagId()
                    + " was already received for another signal or case");
        }
        if (inserted == 1) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("bank", signal.bankName);
            detail.put("flagId", flag.flagId);
            detail.put("caseId", flag.caseId);
            detail.put("reason", flag.reason);
            detail.put("flaggedAt", flag.flaggedAt.toString());
            audit.record(actor, "SIGNAL_CURATION_FLAGGED", "SIGNAL", signal.id.toString(), detail);
        }
        return new Received(flag, inserted == 1);
    }

    /** Clears an open flag; clearing a cleared one changes nothing and answers it as it is. */
    @Transactional
    public CurationFlag clear(String bankName, UUID signalId, UUID flagId, String note, String actor) {
        BankSignal signal = banks.getSignal(bankName, signalId);
        CurationFlag flag = flags.findByIdOptional(flagId).filter(f -> f.signalId.equals(signal.id))
                .orElseThrow(() -> ProblemException.notFound("Curation flag " + flagId));
        if (flag.open()) {
            flag.clearedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            flag.clearedBy = actor;
            flag.clearNote = note.strip();
            audit.record(actor, "SIGNAL_CURATION_FLAG_CLEARED", "SIGNAL", signal.id.toString(),
                    Map.of("bank", signal.bankName, "flagId", flag.flagId.toString(), "note", flag.clearNote));
        }
        return flag;
    }

    public List<CurationFlag> ofSignal(UUID signalId) {
        return flags.ofSignal(signalId);
    }

    public Map<UUID, List<CurationFlag>> ofSignals(List<UUID> signalIds, boolean openOnly) {
        return flags.ofSignals(signalIds, openOnly);
    }
}
