package eu.vigie.cases.service;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.vigie.cases.CaseFile;
import eu.vigie.cases.CaseStatus;
import eu.vigie.cases.RemovalOrder;
import eu.vigie.cases.RemovalOrderStatus;
import eu.vigie.cases.client.Notification;
import eu.vigie.cases.config.CaseConfig;
import eu.vigie.cases.repository.CaseRepository;
import eu.vigie.cases.repository.ReferralRepository;
import eu.vigie.cases.repository.RemovalOrderRepository;
import eu.vigie.cases.rest.RemovalOrderRequest;
import eu.vigie.cases.rest.WithdrawalRequest;
import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;
import eu.vigie.common.vocabulary.AssessmentDecision;
import eu.vigie.common.vocabulary.Category;

/**
 * Issuing removal orders (Annex I) under the four-eyes rule, and the issuer's later acts on them:
 * withdrawal, and resuming a suspended clock. An order and the message that delivers it to the
 * provider are written in one transaction.
 */
@ApplicationScoped
public class RemovalOrderService {

    public static final String ISSUED_TOPIC = "removal-order.issued";

    private final CaseRepository cases;
    private final ReferralRepository referrals;
    private final RemovalOrderRepository orders;
    private final CaseAccess access;
    private final Caller caller;
    private final AuditTrail audit;
    private final OrderTransitions transitions;
    private final Outbox outbox;
    private final CaseConfig config;

    public RemovalOrderService(CaseRepository cases, ReferralRepository referrals, RemovalOrderRepository orders,
            CaseAccess access, Caller caller, AuditTrail audit, OrderTransitions transitions, Outbox outbox,
            CaseConfig config) {
        this.cases = cases;
        this.referrals = referrals;
        this.orders = orders;
        this.access = access;
        this.caller = caller;
        this.audit = audit;
        this.transitions = transitions;
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional
    public RemovalOrder issue(UUID caseId, RemovalOrderRequest request) {
        RemovalOrderRequest body = request == null
                ? new RemovalOrderRequest(null, null, null, null, null, null, null, null, null, null) : request;
        CaseFile file = cases.findForUpdate(caseId).orElseThrow(() -> ProblemException.notFound("Case " + caseId));
        access.requireOwner(file, Roles.ISSUER);
        if (file.assessmentDecision != AssessmentDecision.TERRORIST_CONTENT) {
            throw ProblemException.conflict("Case " + caseId + " has not been assessed as TERRORIST_CONTENT"
                    + (file.assessmentDecision == null ? "" : " (it is " + file.assessmentDecision + ")"));
        }
        String issuer = caller.subject();
        if (issuer.equals(file.assessedBy)) {
            throw ProblemException.forbidden("Four-eyes rule: the officer who assessed this case (" + file.assessedBy
                    + ") may not also issue its removal order; another issuer must do it");
        }
        if (file.platformId == null || !file.platformKnown) {
            throw ProblemException.unprocessable("platform-unknown", "The hosting service provider is not known",
                    "No registered platform is known for case " + caseId + "; an order needs an addressee");
        }
        if (orders.anyInForce(caseId)) {
            throw ProblemException.conflict("A removal order for case " + caseId + " is already in force");
        }
        boolean emergency = Boolean.TRUE.equals(body.emergency());
        String emergencyReasons = ReviewService.blankToNull(body.emergencyReasons());
        if (emergency && emergencyReasons == null) {
            throw ProblemException.invalidField("emergencyReasons", "must justify the emergency (Art. 3(2))");
        }
        if (!emergency && emergencyReasons != null) {
            throw ProblemException.invalidField("emergencyReasons", "may only be given with emergency true");
        }
        List<String> urls = body.urls() == null || body.urls().isEmpty() ? Views.urls(referrals.ofCase(caseId))
                : body.urls().stream().distinct().toList();
        if (urls.isEmpty()) {
            throw ProblemException.invalidField("urls", "must name at least one URL");
        }
        EnumSet<Category> categories = body.categories() == null || body.categories().isEmpty()
                ? EnumSet.copyOf(file.assessmentCategories) : EnumSet.copyOf(body.categories());
        String jurisdiction = file.ownerJurisdiction;
        CaseConfig.Authority configured = config.authorities().get(jurisdiction);
        RemovalOrderRequest.Authority authority = body.authority() == null
                ? new RemovalOrderRequest.Authority(null, null, null, null) : body.authority();
        RemovalOrderRequest.Redress redress = body.redress() == null ? new RemovalOrderRequest.Redress(null, null, null)
                : body.redress();

        var now = Canonical.now();
        RemovalOrder order = new RemovalOrder();
        order.id = UUID.randomUUID();
        order.caseId = caseId;
        order.issuingJurisdiction = jurisdiction;
        order.referenceNumber = "%s-%d-%06d".formatted(jurisdiction, now.atZone(ZoneOffset.UTC).getYear(),
                orders.nextReference(jurisdiction, now.atZone(ZoneOffset.UTC).getYear()));
        order.fileNumber = ReviewService.blankToNull(body.fileNumber());
        order.authorityType = required("authority.type", authority.type(), configured, CaseConfig.Authority::type);
        order.authorityName = required("authority.name", authority.name(), configured, CaseConfig.Authority::name);
        order.authorityOfficer = Optional.ofNullable(ReviewService.blankToNull(authority.officer())).orElse(issuer);
        order.authorityContact = required("authority.contact", authority.contact(), configured,
                CaseConfig.Authority::contact);
        order.issuedBy = issuer;
        order.platformId = file.platformId;
        order.platformHomeJurisdiction = null;
        order.urls = AnnexOne.writeUrls(urls);
        order.contentLocator = ReviewService.blankToNull(body.contentLocator());
        order.categories = categories;
        order.reasons = Optional.ofNullable(ReviewService.blankToNull(body.reasons())).orElse(file.assessmentReasons);
        order.doNotInform = Boolean.TRUE.equals(body.doNotInformContentProvider());
        order.emergency = emergency;
        order.emergencyReasons = emergencyReasons;
        order.crossBorder = null;
        order.homeAuthorityCopied = false;
        order.redressBody = required("redress.body", redress.body(), configured, CaseConfig.Authority::redressBody);
        order.redressDeadline = required("redress.deadline", redress.deadline(), configured,
                CaseConfig.Authority::redressDeadline);
        order.redressLegalReference = required("redress.legalReference", redress.legalReference(), configured,
                CaseConfig.Authority::redressLegalReference);
        order.status = RemovalOrderStatus.ISSUED;
        order.issuedAt = now;
        order.updatedAt = now;
        order.signatureAlgorithm = AnnexOne.ALGORITHM;
        order.signature = AnnexOne.sign(order);
        orders.persist(order);

        CaseStatus previous = file.status;
        file.status = CaseStatus.ACTIONED;
        file.updatedAt = now;

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("referenceNumber", order.referenceNumber);
        details.put("platformId", order.platformId);
        details.put("urls", urls);
        details.put("categories", categories.stream().map(Enum::name).toList());
        details.put("emergency", emergency);
        details.put("doNotInformContentProvider", order.doNotInform);
        details.put("signature", order.signature);
        details.put("assessedBy", file.assessedBy);
        details.put("previousCaseStatus", previous.name());
        audit.append(issuer, "ORDER_ISSUED", "REMOVAL_ORDER", order.id, caseId, details);

        outbox.enqueue(ISSUED_TOPIC, order.id.toString(), Notification.removalOrder(order, AnnexOne.signedDocument(order)));
        return order;
    }

    @Transactional
    public RemovalOrder withdraw(UUID orderId, WithdrawalRequest request) {
        RemovalOrder order = loadAsIssuer(orderId);
        if (!order.canMoveTo(RemovalOrderStatus.WITHDRAWN)) {
            throw ProblemException.conflict("Removal order " + order.referenceNumber + " is " + order.status
                    + " and can no longer be withdrawn");
        }
        // Rows first (order, then case), the audit chain last: the lock order every writer keeps.
        CaseFile file = cases.findForUpdate(order.caseId).orElseThrow();
        var now = Canonical.now();
        order.withdrawnAt = now;
        order.withdrawnBy = caller.subject();
        order.withdrawalReasons = request.reasons().strip();
        transitions.move(order, RemovalOrderStatus.WITHDRAWN, now, order.withdrawnBy,
                "withdrawn by the issuing authority: " + order.withdrawalReasons);
        if (file.status == CaseStatus.ACTIONED && !orders.anyInForce(file.id)) {
            file.status = CaseStatus.CONFIRMED;
            file.updatedAt = now;
        }
        return order;
    }

    /** Ends a suspension: the obstacle has ceased or the clarification was given; the clock resumes with the time left. */
    @Transactional
    public RemovalOrder resume(UUID orderId, WithdrawalRequest request) {
        RemovalOrder order = loadAsIssuer(orderId);
        if (order.status != RemovalOrderStatus.SUSPENDED) {
            throw ProblemException.conflict("Removal order " + order.referenceNumber + " is " + order.status
                    + ", not SUSPENDED");
        }
        var now = Canonical.now();
        resumeClock(order, now);
        transitions.move(order, RemovalOrderStatus.RECEIVED, now, caller.subject(),
                "clock resumed by the issuing authority: " + request.reasons().strip());
        return order;
    }

    /** Restarts a suspended order's clock at {@code at} with the time that was left when it stopped. */
    static void resumeClock(RemovalOrder order, java.time.Instant at) {
        long remaining = order.remainingSeconds == null ? 0 : order.remainingSeconds;
        order.deadlineAt = at.plus(Duration.ofSeconds(remaining));
        order.remainingSeconds = null;
    }

    @Transactional
    public RemovalOrder get(UUID orderId) {
        RemovalOrder order = orders.findByIdOptional(orderId)
                .orElseThrow(() -> ProblemException.notFound("Removal order " + orderId));
        CaseFile file = cases.findById(order.caseId);
        try {
            access.requireFullRead(file);
        } catch (ProblemException e) {
            throw ProblemException.notFound("Removal order " + orderId);
        }
        return order;
    }

    private RemovalOrder loadAsIssuer(UUID orderId) {
        RemovalOrder order = orders.findForUpdate(orderId)
                .orElseThrow(() -> ProblemException.notFound("Removal order " + orderId));
        CaseFile file = cases.findById(order.caseId);
        access.requireOwner(file, Roles.ISSUER);
        return order;
    }

    private static String required(String field, String given, CaseConfig.Authority configured,
            java.util.function.Function<CaseConfig.Authority, Optional<String>> setting) {
        String value = ReviewService.blankToNull(given);
        if (value == null && configured != null) {
            value = setting.apply(configured).map(ReviewService::blankToNull).orElse(null);
        }
        if (value == null) {
            throw ProblemException.unprocessable("annex-i-incomplete", "The removal order would be incomplete",
                    "Annex I field '" + field + "' is neither given nor configured for this jurisdiction");
        }
        return value;
    }
}
