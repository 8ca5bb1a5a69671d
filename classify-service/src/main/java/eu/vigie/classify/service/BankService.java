package eu.vigie.classify.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import eu.vigie.classify.BankSignal;
import eu.vigie.classify.HashBank;
import eu.vigie.classify.repository.BankSignalRepository;
import eu.vigie.classify.repository.HashBankRepository;
import eu.vigie.classify.rest.BankRequest;
import eu.vigie.classify.rest.BankUpdate;
import eu.vigie.classify.rest.SignalLabels;
import eu.vigie.classify.rest.SignalRequest;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.vocabulary.SignalType;

/** Hash banks and their signals; every change is audited in the same transaction. */
@ApplicationScoped
public class BankService {

    /** A signal added, or the one that already existed. */
    public record SignalAdded(BankSignal signal, boolean created) {
    }

    private final HashBankRepository banks;
    private final BankSignalRepository signals;
    private final AuditTrail audit;
    private final EntityManager em;
    private final PdqIndex pdqIndex;

    public BankService(HashBankRepository banks, BankSignalRepository signals, AuditTrail audit, EntityManager em,
            PdqIndex pdqIndex) {
        this.banks = banks;
        this.signals = signals;
        this.audit = audit;
        this.em = em;
        this.pdqIndex = pdqIndex;
    }

    public List<HashBank> list() {
        return banks.listAllOrdered();
    }

    public HashBank get(String name) {
        return banks.findByIdOptional(name).orElseThrow(() -> ProblemException.notFound("Bank " + name));
    }

    public long signalCount(String name) {
        return signals.countInBank(name);
    }

    @Transactional
    public HashBank create(BankRequest request, String actor) {
        if (banks.findByIdOptional(request.name()).isPresent()) {
            throw ProblemException.conflict("A bank named " + request.name() + " already exists");
        }
        Instant now = Instant.now();
        HashBank bank = new HashBank();
        bank.name = request.name();
        bank.description = request.description();
        bank.enabled = request.enabled() == null || request.enabled();
        bank.createdAt = now;
        bank.createdBy = actor;
        bank.updatedAt = now;
        bank.updatedBy = actor;
        banks.persist(bank);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("description", bank.description);
        detail.put("enabled", bank.enabled);
        audit.record(actor, "BANK_CREATED", "BANK", bank.name, detail);
        return bank;
    }

    @Transactional
    public HashBank update(String name, BankUpdate request, String actor) {
        HashBank bank = get(name);
        Map<String, Object> detail = new LinkedHashMap<>();
        if (bank.enabled != request.enabled()) {
            detail.put("enabled", Map.of("from", bank.enabled, "to", request.enabled()));
            bank.enabled = request.enabled();
        }
        if (request.description() != null && !request.description().equals(bank.description)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", bank.description);
            change.put("to", request.description());
            detail.put("description", change);
            bank.description = request.description();
        }
        if (!detail.isEmpty()) {
            bank.updatedAt = Instant.now();
            bank.updatedBy = actor;
            audit.record(actor, "BANK_UPDATED", "BANK", bank.name, detail);
        }
        return bank;
    }

    /**
     * Adds a signal to a bank, idempotently on (bank, type, value): the existing signal is answered,
     * unchanged, when it is already there. Concurrent adds of the same signal create one.
     */
    @Transactional
    public SignalAdded addSignal(String bankName, SignalRequest request, String actor) {
        return insert(get(bankName), request, actor, false);
    }

    /** Adds several signals to a bank in one transaction, each idempotently as {@link #addSignal}. */
    @Transactional
    public List<SignalAdded> addSignals(String bankName, List<SignalRequest> requests, String actor) {
        HashBank bank = get(bankName);
        return requests.stream().map(r -> insert(bank, r, actor, true)).toList();
    }

    private SignalAdded insert(HashBank bank, SignalRequest request, String actor, boolean batch) {
        String value = SignalValues.normalise(request.signalType(), request.value(), "value");
        SignalLabels labels = request.labels() == null ? new SignalLabels(null, null, null) : request.labels();
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        int inserted = em.createNativeQuery("""
                INSERT INTO bank_signal (id, bank_name, signal_type, value, categories, entity, tier, source, enabled,
                                         created_at, created_by, updated_at, updated_by, version)
                VALUES (:id, :bank, :type, :value, :categories, :entity, :tier, :source, TRUE,
                        :now, :actor, :now, :actor, 0)
                ON CONFLICT (bank_name, signal_type, value) DO NOTHING
                """)
                .setParameter("id", id)
                .setParameter("bank", bank.name)
                .setParameter("type", request.signalType().name())
                .setParameter("value", value)
                .setParameter("categories", BankSignal.joinCategories(labels.categories()))
                .setParameter("entity", blankToNull(labels.entity()))
                .setParameter("tier", labels.tier() == null ? null : labels.tier().name())
                .setParameter("source", blankToNull(request.source()))
                .setParameter("now", now)
                .setParameter("actor", actor)
                .executeUpdate();
        BankSignal signal = signals.findInBank(bank.name, request.signalType(), value)
                .orElseThrow(() -> new IllegalStateException("Signal vanished after insert"));
        if (inserted == 1) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("bank", bank.name);
            detail.put("signalType", signal.signalType);
            detail.put("value", signal.value);
            detail.put("categories", signal.categoryList());
            detail.put("entity", signal.entity);
            detail.put("tier", signal.tier);
            detail.put("source", signal.source);
            detail.put("batch", batch);
            audit.record(actor, "SIGNAL_ADDED", "SIGNAL", signal.id.toString(), detail);
            if (signal.signalType == SignalType.PDQ) {
                pdqIndex.applyAfterCommit(signal.id, signal.value, true);
            }
        }
        return new SignalAdded(signal, inserted == 1);
    }

    /** A page of a bank's signals (see {@link BankSignalRepository#page}). */
    public List<BankSignal> signalPage(String bankName, Boolean flagged, UUID after, int size) {
        get(bankName);
        return signals.page(bankName, flagged, after, size);
    }

    public BankSignal getSignal(String bankName, UUID id) {
        get(bankName);
        return signals.findInBank(bankName, id).orElseThrow(() -> ProblemException.notFound("Signal " + id));
    }

    @Transactional
    public BankSignal setSignalEnabled(String bankName, UUID id, boolean enabled, String actor) {
        BankSignal signal = getSignal(bankName, id);
        if (signal.enabled != enabled) {
            signal.enabled = enabled;
            signal.updatedAt = Instant.now();
            signal.updatedBy = actor;
            audit.record(actor, enabled ? "SIGNAL_ENABLED" : "SIGNAL_DISABLED", "SIGNAL", signal.id.toString(),
                    Map.of("bank", bankName, "enabled", Map.of("from", !enabled, "to", enabled)));
            if (signal.signalType == SignalType.PDQ) {
                pdqIndex.applyAfterCommit(signal.id, signal.value, enabled);
            }
        }
        return signal;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
