package eu.vigie.cases.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import eu.vigie.cases.EnforcementOutcome;
import eu.vigie.cases.EnforcementProceeding;
import eu.vigie.cases.EnforcementRepresentation;
import eu.vigie.cases.EnforcementStatus;
import eu.vigie.cases.RemovalOrder;
import eu.vigie.cases.RemovalOrderStatus;
import eu.vigie.cases.repository.RemovalOrderRepository;
import eu.vigie.cases.rest.DecisionRequest;
import eu.vigie.cases.rest.OpenProceedingRequest;
import eu.vigie.cases.rest.RepresentationRequest;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;

/**
 * Enforcement proceedings: a regulator opens one against a platform in the regulator's jurisdiction;
 * case-service assembles the evidence pack (every order of that jurisdiction to that platform with its
 * signed Annex I document, proof of delivery, Annex II / III feedback and timeline, the Annex III
 * reasons given, and the breach count of the twelve months before opening), freezes it as canonical
 * JSON and records its SHA-256. The regulator then records the platform's representations and the
 * decision. OPEN → REPRESENTATIONS_RECEIVED → DECIDED (deciding is also allowed from OPEN); every
 * step is in the audit trail; optimistic locking makes a concurrent act answer 409.
 */
@ApplicationScoped
public class EnforcementService {

    /** How far in the future a representation's receipt time may lie (clocks differ a little). */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final RemovalOrderRepository orders;
    private final EvidencePack evidence;
    private final Caller caller;
    private final AuditTrail audit;
    private final ReadAudit reads;
    private final EntityManager em;
    private final Clock clock;

    public EnforcementService(RemovalOrderRepository orders, EvidencePack evidence, Caller caller, AuditTrail audit,
            ReadAudit reads, EntityManager em, Clock clock) {
        this.orders = orders;
        this.evidence = evidence;
        this.caller = caller;
        this.audit = audit;
        this.reads = reads;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public EnforcementProceeding open(OpenProceedingRequest request) {
        String jurisdiction = caller.requireJurisdiction();
        Instant now = Canonical.now(clock);
        List<RemovalOrder> platformOrders = orders.list("issuingJurisdiction = ?1 and platformId = ?2 "
                + "and status <> ?3 order by issuedAt, id", jurisdiction, request.platformId(),
                RemovalOrderStatus.PENDING_PRE_NOTICE);
        if (platformOrders.isEmpty()) {
            throw ProblemException.unprocessable("no-breach-record", "No orders to this platform",
                    "No removal order of " + jurisdiction + " has reached platform " + request.platformId()
                            + ": there is no record to open a proceeding on");
        }
        Instant yearBefore = now.atOffset(ZoneOffset.UTC).minusMonths(12).toInstant();
        long breaches = platformOrders.stream()
                .filter(o -> o.overdueAt != null && !o.overdueAt.isBefore(yearBefore) && !o.overdueAt.isAfter(now))
                .count();
        Map<String, Long> annexIII = new java.util.TreeMap<>();
        List<Map<String, Object>> packs = new java.util.ArrayList<>();
        for (RemovalOrder order : platformOrders) {
            Map<String, Object> pack = evidence.of(order, now);
            packs.add(pack);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> feedback = (List<Map<String, Object>>) pack.get("feedback");
            feedback.stream().filter(f -> "ANNEX_III".equals(f.get("form")) && f.get("reason") != null)
                    .forEach(f -> annexIII.merge((String) f.get("reason"), 1L, Long::sum));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("jurisdiction", jurisdiction);
        document.put("platformId", request.platformId());
        document.put("assembledAt", Canonical.time(now));
        document.put("breachesLast12Months", breaches);
        document.put("twelveMonthsFrom", Canonical.time(yearBefore));
        document.put("annexIIIReasons", annexIII);
        document.put("orders", packs);

        EnforcementProceeding p = new EnforcementProceeding();
        p.id = UUID.randomUUID();
        p.jurisdiction = jurisdiction;
        p.platformId = request.platformId();
        p.grounds = request.grounds().strip();
        p.status = EnforcementStatus.OPEN;
        p.openedBy = caller.subject();
        p.openedAt = now;
        p.evidencePack = Canonical.json(document);
        p.evidenceHash = Canonical.sha256(p.evidencePack);
        p.ordersInPack = packs.size();
        p.breaches12Months = breaches;
        p.updatedAt = now;
        p.persist();

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("jurisdiction", jurisdiction);
        details.put("platformId", p.platformId);
        details.put("grounds", p.grounds);
        details.put("evidenceHash", p.evidenceHash);
        details.put("ordersInPack", p.ordersInPack);
        details.put("breachesLast12Months", breaches);
        audit.append(p.openedBy, "ENFORCEMENT_OPENED", "ENFORCEMENT_PROCEEDING", p.id, null, details);
        return p;
    }

    /** The proceedings the caller may read, newest first: a regulator its jurisdiction's, an auditor all. */
    @Transactional
    public List<EnforcementProceeding> list() {
        if (caller.hasRole(Roles.AUDITOR)) {
            return EnforcementProceeding.list("order by openedAt desc, id desc");
        }
        return EnforcementProceeding.list("jurisdiction = ?1 order by openedAt desc, id desc",
                caller.requireJurisdiction());
    }

    /** One proceeding with its evidence pack; reading it is recorded. */
    @Transactional
    public EnforcementProceeding get(UUID id) {
        EnforcementProceeding p = readable(id);
        reads.record(AuditTrail.ENFORCEMENT_READ, "ENFORCEMENT_PROCEEDING", p.id, null,
                Map.of("platformId", p.platformId, "evidenceHash", p.evidenceHash, "status", p.status.name()));
        return p;
    }

    @Transactional
    public List<EnforcementRepresentation> representations(UUID proceedingId) {
        return EnforcementRepresentation.list("proceedingId = ?1 order by recordedAt, id", proceedingId);
    }

    @Transactional
    public EnforcementProceeding represent(UUID id, RepresentationRequest request) {
        EnforcementProceeding p = actionable(id);
        Instant now = Canonical.now(clock);
        Instant receivedAt = Canonical.micros(request.receivedAt());
        if (receivedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalidField("receivedAt", "must not be in the future");
        }
        if (receivedAt.isBefore(p.openedAt.minus(CLOCK_SKEW))) {
            throw ProblemException.invalidField("receivedAt", "must not be before the proceeding was opened ("
                    + p.openedAt + ")");
        }
        EnforcementStatus previous = p.moveTo(EnforcementStatus.REPRESENTATIONS_RECEIVED, now);
        EnforcementRepresentation r = new EnforcementRepresentation();
        r.id = UUID.randomUUID();
        r.proceedingId = p.id;
        r.receivedAt = receivedAt;
        r.summary = request.summary().strip();
        r.documentReference = request.documentReference().strip();
        r.recordedBy = caller.subject();
        r.recordedAt = now;
        r.persist();
        em.flush();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("representationId", r.id.toString());
        details.put("receivedAt", Canonical.time(receivedAt));
        details.put("summary", r.summary);
        details.put("documentReference", r.documentReference);
        details.put("from", previous.name());
        details.put("to", p.status.name());
        audit.append(r.recordedBy, "ENFORCEMENT_REPRESENTATIONS_RECORDED", "ENFORCEMENT_PROCEEDING", p.id, null,
                details);
        return p;
    }

    @Transactional
    public EnforcementProceeding decide(UUID id, DecisionRequest request) {
        EnforcementProceeding p = actionable(id);
        BigDecimal amount = request.amount();
        String currency = request.currency() == null ? null : request.currency().strip();
        if (request.outcome() == EnforcementOutcome.PENALTY) {
            if (amount == null || amount.signum() <= 0) {
                throw ProblemException.invalidField("amount", "must be greater than 0 for a PENALTY");
            }
            if (amount.stripTrailingZeros().scale() > 2 || amount.precision() - amount.scale() > 17) {
                throw ProblemException.invalidField("amount", "must have at most 17 digits and 2 decimals");
            }
            if (currency == null || !currency.matches("[A-Z]{3}") || !isIso4217(currency)) {
                throw ProblemException.invalidField("currency", "must be an ISO 4217 currency code such as GBP or EUR");
            }
        } else {
            if (amount != null) {
                throw ProblemException.invalidField("amount", "may only be given with outcome PENALTY");
            }
            if (currency != null) {
                throw ProblemException.invalidField("currency", "may only be given with outcome PENALTY");
            }
        }
        Instant now = Canonical.now(clock);
        EnforcementStatus previous = p.moveTo(EnforcementStatus.DECIDED, now);
        p.decisionOutcome = request.outcome();
        p.decisionAmount = amount == null ? null : amount.setScale(2);
        p.decisionCurrency = currency;
        p.decisionLegalBasis = request.legalBasis();
        p.decisionReasons = request.reasons().strip();
        p.decidedBy = caller.subject();
        p.decidedAt = now;
        em.flush();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outcome", p.decisionOutcome.name());
        details.put("amount", p.decisionAmount == null ? null : p.decisionAmount.toPlainString());
        details.put("currency", p.decisionCurrency);
        details.put("legalBasis", p.decisionLegalBasis.name());
        details.put("reasons", p.decisionReasons);
        details.put("from", previous.name());
        details.put("to", p.status.name());
        details.put("evidenceHash", p.evidenceHash);
        audit.append(p.decidedBy, "ENFORCEMENT_DECIDED", "ENFORCEMENT_PROCEEDING", p.id, null, details);
        return p;
    }

    private static boolean isIso4217(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A proceeding the caller may read: an auditor any, a regulator its jurisdiction's; 404 otherwise. */
    private EnforcementProceeding readable(UUID id) {
        EnforcementProceeding p = EnforcementProceeding.findById(id);
        if (p == null || !caller.hasRole(Roles.AUDITOR)
                && !caller.jurisdiction().filter(p.jurisdiction::equals).isPresent()) {
            throw ProblemException.notFound("Enforcement proceeding " + id);
        }
        return p;
    }

    /** A proceeding the caller may act on: a regulator of its jurisdiction; 404 for another jurisdiction's. */
    private EnforcementProceeding actionable(UUID id) {
        EnforcementProceeding p = EnforcementProceeding.findById(id);
        if (p == null || !caller.jurisdiction().filter(p.jurisdiction::equals).isPresent()) {
            throw ProblemException.notFound("Enforcement proceeding " + id);
        }
        return p;
    }
}
