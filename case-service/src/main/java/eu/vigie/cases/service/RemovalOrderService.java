package eu.vigie.cases.service;

import java.time.Clock;
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

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import eu.vigie.cases.CaseFile;
import eu.vigie.cases.CaseStatus;
import eu.vigie.cases.RemovalOrder;
import eu.vigie.cases.RemovalOrderStatus;
import eu.vigie.cases.client.Notification;
import eu.vigie.cases.client.NotifyClient;
import eu.vigie.cases.client.PlatformInfo;
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
import eu.vigie.common.vocabulary.Category;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Issuing removal orders (Annex I) under the four-eyes rule, and the issuer's later acts on them:
 * withdrawal, and resuming a suspended clock. An order and the message that delivers it to the
 * provider are written in one transaction.
 */
@ApplicationScoped
public class RemovalOrderService {

    public static final String ISSUED_TOPIC = "removal-order.issued";
    /** The pre-notice a provider gets before its first order (Art. 3(2)). */
    public static final Duration PRE_NOTICE = Duration.ofHours(12);
    static final String PRE_NOTICE_PURPOSE = "pre-notice";
    static final String CROSS_BORDER_PURPOSE = "cross-border-copy";

    private final CaseRepository cases;
    private final ReferralRepository referrals;
    private final RemovalOrderRepository orders;
    private final CaseAccess access;
    private final Caller caller;
    private final AuditTrail audit;
    private final OrderTransitions transitions;
    private final Outbox outbox;
    private final CaseConfig config;
    private final NotifyClient notify;
    private final Clock clock;
    private final ReadAudit reads;

    public RemovalOrderService(CaseRepository cases, ReferralRepository referrals, RemovalOrderRepository orders,
            CaseAccess access, Caller caller, AuditTrail audit, OrderTransitions transitions, Outbox outbox,
            CaseConfig config, NotifyClient notify, Clock clock, ReadAudit reads) {
        this.reads = reads;
        this.notify = notify;
        this.clock = clock;
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

    /**
     * Issues a removal order on a case. The addressee's home state and order history decide cross-border
     * and pre-notice: both are Annex I facts the signature covers, so the platform registry is asked
     * before signing, and before the transaction begins (once the caller may issue on the case), so that
     * the call to notify-service holds neither the case's lock nor a database connection, and a time-out
     * of that call never meets the transaction on another thread. The transaction then checks the case
     * again under its lock. A case's platform, once known, does not change.
     */
    public RemovalOrder issue(UUID caseId, RemovalOrderRequest request) {
        CaseFile seen = cases.findByIdOptional(caseId).orElseThrow(() -> ProblemException.notFound("Case " + caseId));
        access.requireIssuable(seen, "issue its removal order", "an order");
        PlatformInfo platform = lookUp(seen.platformId);
        return QuarkusTransaction.joiningExisting().call(() -> issue(caseId, request, seen.platformId, platform));
    }

    private RemovalOrder issue(UUID caseId, RemovalOrderRequest request, String platformId, PlatformInfo platform) {
        RemovalOrderRequest body = request == null
                ? new RemovalOrderRequest(null, null, null, null, null, null, null, null, null, null) : request;
        CaseFile file = cases.findForUpdate(caseId).orElseThrow(() -> ProblemException.notFound("Case " + caseId));
        String issuer = access.requireIssuable(file, "issue its removal order", "an order");
        if (!platformId.equals(file.platformId)) {
            throw ProblemException.conflict("The platform of case " + caseId + " changed while the order was prepared; "
                    + "try again");
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

        var now = Canonical.now(clock);
        String home = ReviewService.blankToNull(platform.homeJurisdiction());
        Boolean crossBorder = home == null ? null : !home.equalsIgnoreCase(jurisdiction);
        boolean preNotice = !emergency && !platform.hasReceivedOrder() && !orders.anyReleasedTo(file.platformId);
        RemovalOrder order = new RemovalOrder();
        order.id = UUID.randomUUID();
        order.caseId = caseId;
        order.issuingJurisdiction = jurisdiction;
        order.fileNumber = ReviewService.blankToNull(body.fileNumber());
        order.authorityType = required("authority.type", authority.type(), configured, CaseConfig.Authority::type);
        order.authorityName = required("authority.name", authority.name(), configured, CaseConfig.Authority::name);
        order.authorityOfficer = Optional.ofNullable(ReviewService.blankToNull(authority.officer())).orElse(issuer);
        order.authorityContact = required("authority.contact", authority.contact(), configured,
                CaseConfig.Authority::contact);
        order.issuedBy = issuer;
        order.platformId = file.platformId;
        order.platformHomeJurisdiction = home == null ? null : home.toUpperCase(java.util.Locale.ROOT);
        order.urls = AnnexOne.writeUrls(urls);
        order.contentLocator = ReviewService.blankToNull(body.contentLocator());
        order.categories = categories;
        order.reasons = Optional.ofNullable(ReviewService.blankToNull(body.reasons())).orElse(file.assessmentReasons);
        order.doNotInform = Boolean.TRUE.equals(body.doNotInformContentProvider());
        order.emergency = emergency;
        order.emergencyReasons = emergencyReasons;
        order.crossBorder = crossBorder;
        order.homeAuthorityCopied = Boolean.TRUE.equals(crossBorder);
        order.redressBody = required("redress.body", redress.body(), configured, CaseConfig.Authority::redressBody);
        order.redressDeadline = required("redress.deadline", redress.deadline(), configured,
                CaseConfig.Authority::redressDeadline);
        order.redressLegalReference = required("redress.legalReference", redress.legalReference(), configured,
                CaseConfig.Authority::redressLegalReference);
        order.status = preNotice ? RemovalOrderStatus.PENDING_PRE_NOTICE : RemovalOrderStatus.ISSUED;
        order.preNoticeUntil = preNotice ? now.plus(PRE_NOTICE) : null;
        order.releasedAt = preNotice ? null : now;
        order.issuedAt = now;
        order.updatedAt = now;
        // The jurisdiction's counter row stays locked until this transaction ends (references have no
        // gaps), so it is taken last, once everything that can refuse the order has been checked.
        order.referenceNumber = "%s-%d-%06d".formatted(jurisdiction, now.atZone(ZoneOffset.UTC).getYear(),
                orders.nextReference(jurisdiction, now.atZone(ZoneOffset.UTC).getYear()));
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
        details.put("status", order.status.name());
        details.put("preNoticeUntil", Canonical.time(order.preNoticeUntil));
        details.put("homeJurisdiction", order.platformHomeJurisdiction);
        details.put("crossBorder", order.crossBorder);
        audit.append(issuer, "ORDER_ISSUED", "REMOVAL_ORDER", order.id, caseId, details);

        if (preNotice) {
            Notification notice = Notification.toPlatform(order, Notification.PRE_NOTICE, PRE_NOTICE_PURPOSE,
                    preNoticeDocument(order));
            outbox.enqueue(NotificationRequestedHandler.TOPIC, order.id.toString(), notice);
            audit.append(issuer, "PRE_NOTICE_SENT", "REMOVAL_ORDER", order.id, caseId,
                    Map.of("notificationId", notice.id().toString(), "platformId", order.platformId,
                            "releaseAt", Canonical.time(order.preNoticeUntil)));
        } else {
            outbox.enqueue(ISSUED_TOPIC, order.id.toString(),
                    Notification.removalOrder(order, AnnexOne.signedDocument(order)));
        }
        if (order.homeAuthorityCopied) {
            Notification copy = Notification.toAuthority(order, Notification.CROSS_BORDER_COPY, CROSS_BORDER_PURPOSE,
                    order.platformHomeJurisdiction, AnnexOne.signedDocument(order));
            outbox.enqueue(NotificationRequestedHandler.TOPIC, order.id.toString(), copy);
            audit.append(issuer, "CROSS_BORDER_COPY_SENT", "REMOVAL_ORDER", order.id, caseId,
                    Map.of("notificationId", copy.id().toString(), "recipientType", Notification.AUTHORITY,
                            "recipient", order.platformHomeJurisdiction));
        }
        return order;
    }

    /**
     * Releases an order whose 12-hour pre-notice has ended: it becomes ISSUED and leaves for the
     * provider. Answers whether it did (false when it changed meanwhile, e.g. was withdrawn).
     */
    @Transactional
    public boolean releaseIfDue(UUID orderId, java.time.Instant now) {
        RemovalOrder order = orders.findForUpdate(orderId).orElse(null);
        if (order == null || order.status != RemovalOrderStatus.PENDING_PRE_NOTICE || order.preNoticeUntil == null
                || order.preNoticeUntil.isAfter(now)) {
            return false;
        }
        order.releasedAt = now;
        transitions.move(order, RemovalOrderStatus.ISSUED, now, AuditTrail.SYSTEM_ACTOR,
                "the 12-hour pre-notice given at " + order.issuedAt + " ended");
        outbox.enqueue(ISSUED_TOPIC, order.id.toString(), Notification.removalOrder(order, AnnexOne.signedDocument(order)));
        return true;
    }

    /** What the provider is told 12 hours before its first order (Art. 3(2)): procedures and deadlines. */
    static Map<String, Object> preNoticeDocument(RemovalOrder order) {
        Map<String, Object> authority = new LinkedHashMap<>();
        authority.put("type", order.authorityType);
        authority.put("name", order.authorityName);
        authority.put("contact", order.authorityContact);
        Map<String, Object> redress = new LinkedHashMap<>();
        redress.put("body", order.redressBody);
        redress.put("deadline", order.redressDeadline);
        redress.put("legalReference", order.redressLegalReference);
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("issuingState", order.issuingJurisdiction);
        notice.put("authority", authority);
        notice.put("platformId", order.platformId);
        notice.put("noticeGivenAt", Canonical.time(order.issuedAt));
        notice.put("firstOrderNotBefore", Canonical.time(order.preNoticeUntil));
        notice.put("procedures", List.of(
                "Removal orders reach the contact point by signed webhook, e-mail or the platform inbox; "
                        + "acknowledge receipt, which is recorded as the authenticated time of receipt.",
                "Remove or disable access to the content in all Member States within one hour of receipt "
                        + "(Regulation (EU) 2021/784, Art. 3(3)).",
                "Report the action with the Annex II form, or explain with the Annex III form why the order "
                        + "cannot be executed (force majeure, de facto impossibility, manifest error, insufficient "
                        + "information); the one-hour period then runs from when the obstacle ceases.",
                "Preserve the removed content and related data for six months (Art. 6)."));
        notice.put("redress", redress);
        notice.put("legalBasis", "Regulation (EU) 2021/784, Art. 3(2)");
        return notice;
    }

    private PlatformInfo lookUp(String platformId) {
        try {
            return notify.platform(platformId).orElseThrow(() -> ProblemException.unprocessable("platform-unknown",
                    "The hosting service provider is not known",
                    "Platform " + platformId + " is not in the registry; an order needs an addressee"));
        } catch (NotifyClient.NotifyUnavailableException | FaultToleranceException e) {
            throw new ProblemException(503, "registry-unavailable", "The platform registry is unavailable",
                    "The addressee's home state and order history cannot be established now; nothing was issued. "
                            + "Try again shortly.");
        }
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
        var now = Canonical.now(clock);
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
        var now = Canonical.now(clock);
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
        if (caller.hasRole(Roles.SCRUTINEER) && Boolean.TRUE.equals(order.crossBorder)
                && caller.jurisdiction().filter(j -> j.equals(order.platformHomeJurisdiction)).isPresent()) {
            // The home authority sees the cross-border orders addressed to providers established there.
            reads.record(AuditTrail.ORDER_READ, "REMOVAL_ORDER", order.id, order.caseId,
                    Map.of("referenceNumber", order.referenceNumber, "access", "HOME_AUTHORITY"));
            return order;
        }
        CaseFile file = cases.findById(order.caseId);
        try {
            access.requireFullRead(file);
        } catch (ProblemException e) {
            throw ProblemException.notFound("Removal order " + orderId);
        }
        reads.record(AuditTrail.ORDER_READ, "REMOVAL_ORDER", order.id, order.caseId,
                Map.of("referenceNumber", order.referenceNumber, "access", caller.hasRole(Roles.AUDITOR) ? "AUDITOR"
                        : caller.jurisdiction().filter(file.ownerJurisdiction::equals).isPresent() ? "OWNER" : "SHARED"));
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
