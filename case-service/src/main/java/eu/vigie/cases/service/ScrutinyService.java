package eu.vigie.cases.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.vigie.cases.CaseFile;
import eu.vigie.cases.CaseStatus;
import eu.vigie.cases.RemovalOrder;
import eu.vigie.cases.RemovalOrderStatus;
import eu.vigie.cases.ScrutinyDecision;
import eu.vigie.cases.ScrutinyRequest;
import eu.vigie.cases.client.Notification;
import eu.vigie.cases.repository.CaseRepository;
import eu.vigie.cases.repository.RemovalOrderRepository;
import eu.vigie.cases.repository.ScrutinyRequestRepository;
import eu.vigie.cases.rest.ScrutinyDecisionRequest;
import eu.vigie.cases.rest.ScrutinyRequestBody;
import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.security.Caller;

/**
 * Scrutiny of cross-border orders (Art. 4): the home authority's {@code scrutineer} may decide
 * within 72 hours of issue; the provider may ask for scrutiny within 48 hours of receipt (relayed by
 * notify-service). A revocation lapses the order and asks the provider to reinstate the content.
 */
@ApplicationScoped
public class ScrutinyService {

    /** The home authority's window to scrutinise, from issue (Art. 4(4)). */
    public static final Duration DECISION_WINDOW = Duration.ofHours(72);
    /** The provider's window to request scrutiny, from receipt (Art. 4(3)). */
    public static final Duration REQUEST_WINDOW = Duration.ofHours(48);
    static final String DECISION_PURPOSE = "scrutiny-decision";
    static final String REINSTATEMENT_PURPOSE = "reinstatement";

    private final RemovalOrderRepository orders;
    private final CaseRepository cases;
    private final ScrutinyRequestRepository requests;
    private final OrderTransitions transitions;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    public ScrutinyService(RemovalOrderRepository orders, CaseRepository cases, ScrutinyRequestRepository requests,
            OrderTransitions transitions, AuditTrail audit, Outbox outbox, Caller caller, Clock clock) {
        this.orders = orders;
        this.cases = cases;
        this.requests = requests;
        this.transitions = transitions;
        this.audit = audit;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    /** The home authority decides. Only a scrutineer of the provider's home state sees the order here. */
    @Transactional
    public RemovalOrder decide(UUID orderId, ScrutinyDecisionRequest request) {
        String jurisdiction = caller.requireJurisdiction();
        RemovalOrder order = orders.findForUpdate(orderId)
                .orElseThrow(() -> ProblemException.notFound("Removal order " + orderId));
        if (!Boolean.TRUE.equals(order.crossBorder) || !jurisdiction.equals(order.platformHomeJurisdiction)) {
            // Not addressed to a provider established here: its existence is not disclosed.
            throw ProblemException.notFound("Removal order " + orderId);
        }
        if (order.scrutinyDecision != null) {
            throw ProblemException.conflict("Removal order " + order.referenceNumber + " was already scrutinised ("
                    + order.scrutinyDecision + " at " + order.scrutinisedAt + ")");
        }
        Instant now = Canonical.now(clock);
        Instant closes = order.issuedAt.plus(DECISION_WINDOW);
        if (now.isAfter(closes)) {
            throw ProblemException.unprocessable("scrutiny-period-ended", "The scrutiny period has ended",
                    "The 72 hours to scrutinise removal order " + order.referenceNumber + " ended at " + closes);
        }
        if (!order.status.revocable()) {
            throw ProblemException.conflict("Removal order " + order.referenceNumber + " is " + order.status
                    + " and can no longer be scrutinised");
        }
        String scrutineer = caller.subject();
        order.scrutinyDecision = request.decision();
        order.scrutinyReasons = request.reasons().strip();
        order.scrutinisedAt = now;
        order.scrutinisedBy = scrutineer;
        order.updatedAt = now;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("referenceNumber", order.referenceNumber);
        details.put("decision", order.scrutinyDecision.name());
        details.put("reasons", order.scrutinyReasons);
        details.put("homeJurisdiction", jurisdiction);
        details.put("orderStatus", order.status.name());
        audit.append(scrutineer, "ORDER_SCRUTINISED", "REMOVAL_ORDER", order.id, order.caseId, details);

        boolean wasReleased = order.releasedAt != null;
        if (order.scrutinyDecision == ScrutinyDecision.REVOKED) {
            CaseFile file = cases.findForUpdate(order.caseId).orElseThrow();
            order.revokedAt = now;
            transitions.move(order, RemovalOrderStatus.REVOKED, now, scrutineer,
                    "revoked on scrutiny by the home authority of " + jurisdiction + ": " + order.scrutinyReasons);
            if (file.status == CaseStatus.ACTIONED && !orders.anyInForce(file.id)) {
                file.status = CaseStatus.CONFIRMED;
                file.updatedAt = now;
            }
        }
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("orderId", order.id.toString());
        decision.put("referenceNumber", order.referenceNumber);
        decision.put("issuingState", order.issuingJurisdiction);
        decision.put("homeState", jurisdiction);
        decision.put("decision", order.scrutinyDecision.name());
        decision.put("reasons", order.scrutinyReasons);
        decision.put("decidedAt", Canonical.time(now));
        decision.put("legalBasis", "Regulation (EU) 2021/784, Art. 4(4)");
        outbox.enqueue(NotificationRequestedHandler.TOPIC, order.id.toString(), Notification.toAuthority(order,
                Notification.SCRUTINY_DECISION, DECISION_PURPOSE, order.issuingJurisdiction, decision));
        if (order.scrutinyDecision == ScrutinyDecision.REVOKED && wasReleased) {
            Map<String, Object> reinstatement = new LinkedHashMap<>(decision);
            reinstatement.put("urls", AnnexOne.urls(order));
            reinstatement.put("request", "The removal order has lapsed: reinstate the content or re-enable access to it "
                    + "(Regulation (EU) 2021/784, Art. 4(7)).");
            Notification notice = Notification.toPlatform(order, Notification.REINSTATEMENT, REINSTATEMENT_PURPOSE,
                    reinstatement);
            outbox.enqueue(NotificationRequestedHandler.TOPIC, order.id.toString(), notice);
            audit.append(AuditTrail.SYSTEM_ACTOR, "REINSTATEMENT_REQUESTED", "REMOVAL_ORDER", order.id, order.caseId,
                    Map.of("notificationId", notice.id().toString(), "platformId", order.platformId));
        }
        return order;
    }

    /** Records a provider's request for scrutiny; a replay of the same requestId answers the same order. */
    @Transactional
    public RemovalOrder request(UUID orderId, ScrutinyRequestBody body, String actor) {
        RemovalOrder order = orders.findForUpdate(orderId)
                .orElseThrow(() -> ProblemException.notFound("Removal order " + orderId));
        ScrutinyRequest existing = requests.findById(body.requestId());
        if (existing != null) {
            if (!existing.orderId.equals(orderId)) {
                throw ProblemException.conflict("Scrutiny request " + body.requestId() + " was recorded for another order");
            }
            return order;
        }
        if (!order.platformId.equals(body.platformId())) {
            throw ProblemException.unprocessable("wrong-platform", "Request from another platform",
                    "Removal order " + order.referenceNumber + " is not addressed to platform " + body.platformId());
        }
        if (!Boolean.TRUE.equals(order.crossBorder)) {
            throw ProblemException.unprocessable("not-cross-border", "The order is not cross-border",
                    "Removal order " + order.referenceNumber + " was issued in the provider's home state; "
                            + "scrutiny under Art. 4 applies to cross-border orders only");
        }
        Instant from = order.receivedAt != null ? order.receivedAt
                : order.releasedAt != null ? order.releasedAt : order.issuedAt;
        Instant requestedAt = Canonical.micros(body.requestedAt());
        Instant closes = from.plus(REQUEST_WINDOW);
        if (requestedAt.isAfter(closes)) {
            throw ProblemException.unprocessable("scrutiny-request-late", "The request for scrutiny is late",
                    "A request for scrutiny of " + order.referenceNumber + " had to be made by " + closes);
        }
        ScrutinyRequest entry = new ScrutinyRequest();
        entry.id = body.requestId();
        entry.orderId = orderId;
        entry.platformId = body.platformId();
        entry.reasons = body.reasons().strip();
        entry.requestedAt = requestedAt;
        entry.recordedAt = Canonical.now(clock);
        requests.persist(entry);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requestId", entry.id.toString());
        details.put("platformId", entry.platformId);
        details.put("reasons", entry.reasons);
        details.put("requestedAt", Canonical.time(entry.requestedAt));
        details.put("homeJurisdiction", order.platformHomeJurisdiction);
        audit.append(actor, "SCRUTINY_REQUESTED", "REMOVAL_ORDER", order.id, order.caseId, details);
        return order;
    }
}
