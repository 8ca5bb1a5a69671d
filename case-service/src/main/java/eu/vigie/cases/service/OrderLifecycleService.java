package eu.vigie.cases.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.vigie.cases.DeliveryEvent;
import eu.vigie.cases.Feedback;
import eu.vigie.cases.RemovalOrder;
import eu.vigie.cases.RemovalOrderStatus;
import eu.vigie.cases.client.Notification;
import eu.vigie.cases.config.CaseConfig;
import eu.vigie.cases.repository.DeliveryEventRepository;
import eu.vigie.cases.repository.FeedbackRepository;
import eu.vigie.cases.repository.RemovalOrderRepository;
import eu.vigie.cases.rest.DeliveryEventRequest;
import eu.vigie.cases.rest.FeedbackRequest;
import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.vocabulary.FeedbackForm;

/**
 * What happens to an order after it is issued, as notify-service reports it (delivery events, Annex
 * II / III feedback) and as time passes (the deadline). Receivers are idempotent by the event's or
 * feedback's id and tolerate reports out of order.
 */
@ApplicationScoped
public class OrderLifecycleService {

    /** The purpose that names a breach notice's id (with the order's id). */
    public static final String BREACH = "breach";

    private final RemovalOrderRepository orders;
    private final DeliveryEventRepository events;
    private final FeedbackRepository feedback;
    private final OrderTransitions transitions;
    private final AuditTrail audit;
    private final EvidencePack evidence;
    private final Outbox outbox;
    private final Clock clock;
    private final CaseConfig config;
    private final OrderMetrics metrics;

    public OrderLifecycleService(RemovalOrderRepository orders, DeliveryEventRepository events,
            FeedbackRepository feedback, OrderTransitions transitions, AuditTrail audit, EvidencePack evidence,
            Outbox outbox, Clock clock, CaseConfig config, OrderMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.orders = orders;
        this.events = events;
        this.feedback = feedback;
        this.transitions = transitions;
        this.audit = audit;
        this.evidence = evidence;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Records a delivery event. SENT sets sentAt if unset; RECEIVED sets receivedAt (the first receipt
     * wins), the deadline (receipt + vigie.case.compliance-period, the legal hour) and, when it arrives before SENT, sentAt too; then applies
     * feedback that was waiting for the receipt. A RECEIVED event that carries its delivery's SENT event (one exchange,
     * as a webhook the platform acknowledged) records the SENT event first.
     */
    @Transactional
    public RemovalOrder deliveryEvent(UUID orderId, DeliveryEventRequest request, String actor) {
        if ((request.sentEventId() == null) != (request.sentAt() == null)) {
            throw ProblemException.invalidField(request.sentEventId() == null ? "sentEventId" : "sentAt",
                    "is required with " + (request.sentEventId() == null ? "sentAt" : "sentEventId"));
        }
        if (request.sentEventId() != null) {
            if (request.type() != DeliveryEvent.Type.RECEIVED) {
                throw ProblemException.invalidField("sentEventId", "may only come with a RECEIVED event");
            }
            if (request.sentEventId().equals(request.eventId())) {
                throw ProblemException.invalidField("sentEventId", "must differ from eventId");
            }
        }
        RemovalOrder order = load(orderId);
        if (request.sentEventId() != null) {
            record(order, new DeliveryEventRequest(request.sentEventId(), DeliveryEvent.Type.SENT, request.sentAt(),
                    request.channel(), request.notificationId(), request.deliveryId()), actor);
        }
        record(order, request, actor);
        return order;
    }

    /** Records one event on the locked order, unless recorded before (the same eventId). */
    private void record(RemovalOrder order, DeliveryEventRequest request, String actor) {
        UUID orderId = order.id;
        DeliveryEvent existing = events.findById(request.eventId());
        if (existing != null) {
            if (!existing.orderId.equals(orderId)) {
                throw ProblemException.conflict("Event " + request.eventId() + " was recorded for another order");
            }
            return;
        }
        Instant at = Canonical.micros(request.at());
        DeliveryEvent event = new DeliveryEvent();
        event.id = request.eventId();
        event.orderId = orderId;
        event.type = request.type();
        event.at = at;
        event.channel = request.channel();
        event.notificationId = request.notificationId();
        event.deliveryId = request.deliveryId();
        event.recordedAt = Canonical.now();
        events.persist(event);

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("eventId", event.id.toString());
        details.put("type", event.type.name());
        details.put("at", Canonical.time(at));
        details.put("channel", event.channel == null ? null : event.channel.name());
        details.put("notificationId", event.notificationId == null ? null : event.notificationId.toString());
        details.put("deliveryId", event.deliveryId == null ? null : event.deliveryId.toString());
        audit.append(actor, "DELIVERY_EVENT_RECORDED", "REMOVAL_ORDER", order.id, order.caseId, details);

        if (order.status == RemovalOrderStatus.PENDING_PRE_NOTICE) {
            // The order itself has not left yet (only its pre-notice): kept as evidence, no clock starts.
            order.updatedAt = Canonical.now(clock);
            return;
        }
        if (order.sentAt == null) {
            order.sentAt = at;
        }
        if (order.status == RemovalOrderStatus.ISSUED) {
            transitions.move(order, RemovalOrderStatus.SENT, at, actor, "delivery event " + event.id);
        }
        if (request.type() == DeliveryEvent.Type.RECEIVED && order.receivedAt == null) {
            order.receivedAt = at;
            order.deadlineAt = at.plus(config.compliancePeriod());
            if (order.status == RemovalOrderStatus.SENT) {
                transitions.move(order, RemovalOrderStatus.RECEIVED, at, actor, "delivery event " + event.id);
            }
            for (Feedback waiting : feedback.pending(orderId)) {
                apply(order, waiting, actor);
            }
        }
        order.updatedAt = Canonical.now();
    }

    /** Records Annex II / III feedback and applies it if the order has been received; else keeps it for the receipt. */
    @Transactional
    public RemovalOrder feedback(UUID orderId, FeedbackRequest request, String actor) {
        RemovalOrder order = load(orderId);
        Feedback existing = feedback.findById(request.feedbackId());
        if (existing != null) {
            if (!existing.orderId.equals(orderId)) {
                throw ProblemException.conflict("Feedback " + request.feedbackId() + " was recorded for another order");
            }
            return order;
        }
        if (!order.platformId.equals(request.platformId())) {
            throw ProblemException.unprocessable("wrong-platform", "Feedback from another platform",
                    "Removal order " + order.referenceNumber + " is not addressed to platform " + request.platformId());
        }
        if (request.form() == FeedbackForm.ANNEX_II) {
            if (request.action() == null) {
                throw ProblemException.invalidField("action", "is required on the Annex II form (REMOVED or DISABLED)");
            }
            if (request.actionAt() == null) {
                throw ProblemException.invalidField("actionAt", "is required on the Annex II form");
            }
        } else if (request.reason() == null) {
            throw ProblemException.invalidField("reason", "is required on the Annex III form");
        }
        Feedback entry = new Feedback();
        entry.id = request.feedbackId();
        entry.orderId = orderId;
        entry.platformId = request.platformId();
        entry.form = request.form();
        entry.action = request.action();
        entry.actionAt = Canonical.micros(request.actionAt());
        entry.reference = request.reference();
        entry.reason = request.reason();
        entry.explanation = request.explanation();
        entry.clarificationRequested = request.clarificationRequested();
        entry.receivedAt = Canonical.micros(request.receivedAt());
        entry.recordedAt = Canonical.now();
        feedback.persist(entry);

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("feedbackId", entry.id.toString());
        details.put("form", entry.form.name());
        details.put("action", entry.action == null ? null : entry.action.name());
        details.put("actionAt", Canonical.time(entry.actionAt));
        details.put("reason", entry.reason == null ? null : entry.reason.name());
        details.put("explanation", entry.explanation);
        details.put("clarificationRequested", entry.clarificationRequested);
        details.put("reference", entry.reference);
        details.put("receivedAt", Canonical.time(entry.receivedAt));
        details.put("orderStatus", order.status.name());
        audit.append(actor, "FEEDBACK_RECEIVED", "REMOVAL_ORDER", order.id, order.caseId, details);

        if (!order.status.beforeReceipt()) {
            apply(order, entry, actor);
        }
        order.updatedAt = Canonical.now();
        return order;
    }

    private void apply(RemovalOrder order, Feedback entry, String actor) {
        Instant now = Canonical.now(clock);
        String cause = entry.form + " feedback " + entry.id;
        if (entry.form == FeedbackForm.ANNEX_II) {
            if (order.status == RemovalOrderStatus.SUSPENDED) {
                RemovalOrderService.resumeClock(order, now);
                transitions.move(order, RemovalOrderStatus.RECEIVED, now, actor, cause + " ends the suspension");
            }
            if (order.canMoveTo(RemovalOrderStatus.COMPLIED)) {
                order.compliedAt = entry.actionAt;
                order.compliedAction = entry.action;
                boolean late = order.status == RemovalOrderStatus.OVERDUE
                        || (order.deadlineAt != null && entry.actionAt.isAfter(order.deadlineAt));
                transitions.move(order, RemovalOrderStatus.COMPLIED, entry.actionAt, actor,
                        cause + (late ? " (after the deadline)" : " (within the deadline)"));
                entry.appliedAt = now;
                entry.outcome = "COMPLIED" + (late ? " late" : "");
            } else {
                entry.outcome = "not applied: the order is " + order.status;
            }
            return;
        }
        if (order.canMoveTo(RemovalOrderStatus.SUSPENDED)) {
            Instant stop = entry.receivedAt != null ? entry.receivedAt : entry.recordedAt;
            if (order.receivedAt != null && stop.isBefore(order.receivedAt)) {
                stop = order.receivedAt;
            }
            long left = Math.max(0, Duration.between(stop, order.deadlineAt).getSeconds());
            order.suspendedAt = stop;
            order.remainingSeconds = Math.min(left, config.compliancePeriod().getSeconds());
            order.suspensionReason = entry.reason;
            order.suspensionExplanation = entry.explanation;
            transitions.move(order, RemovalOrderStatus.SUSPENDED, stop, actor, cause + " (" + entry.reason + ")");
            entry.appliedAt = now;
            entry.outcome = "SUSPENDED with " + order.remainingSeconds + " s left";
        } else {
            entry.outcome = "not applied: the order is " + order.status;
        }
    }

    /** Marks an order overdue if it is still received and its deadline has passed; answers whether it did. */
    @Transactional
    public boolean markOverdueIfDue(UUID orderId, Instant now) {
        RemovalOrder order = orders.findForUpdate(orderId).orElse(null);
        if (order == null || order.status != RemovalOrderStatus.RECEIVED || order.deadlineAt == null
                || !order.deadlineAt.isBefore(now)) {
            return false;
        }
        order.overdueAt = now;
        transitions.move(order, RemovalOrderStatus.OVERDUE, now, AuditTrail.SYSTEM_ACTOR,
                "the deadline " + order.deadlineAt + " passed without compliance");
        Notification notice = Notification.toAuthority(order, Notification.BREACH_NOTICE, BREACH,
                order.issuingJurisdiction, evidence.of(order, now));
        outbox.enqueue(NotificationRequestedHandler.TOPIC, order.id.toString(), notice);
        audit.append(AuditTrail.SYSTEM_ACTOR, "BREACH_NOTICE_SENT", "REMOVAL_ORDER", order.id, order.caseId,
                Map.of("notificationId", notice.id().toString(), "recipientType", Notification.AUTHORITY,
                        "recipient", order.issuingJurisdiction, "overdueAt", Canonical.time(now)));
        metrics.breachAfterCommit(order.issuingJurisdiction);
        return true;
    }

    private RemovalOrder load(UUID orderId) {
        return orders.findForUpdate(orderId).orElseThrow(() -> ProblemException.notFound("Removal order " + orderId));
    }
}
