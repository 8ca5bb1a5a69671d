package eu.vigie.cases.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.cases.RemovalOrder;
import eu.vigie.cases.repository.DeliveryEventRepository;
import eu.vigie.cases.repository.FeedbackRepository;
import eu.vigie.cases.repository.RemovalOrderRepository;

/**
 * The evidence of a breach, as a regulator needs it: the signed order document, its delivery events
 * (the proof of delivery), the provider's Annex II / III feedback, the order's timeline from the
 * audit trail (each entry with its chain hash, so it can be checked against
 * {@code GET /api/v1/audit/verify}), and the provider's breaches over the preceding twelve months.
 */
@ApplicationScoped
public class EvidencePack {

    private final DeliveryEventRepository events;
    private final FeedbackRepository feedback;
    private final AuditTrail audit;
    private final RemovalOrderRepository orders;
    private final ObjectMapper mapper;

    public EvidencePack(DeliveryEventRepository events, FeedbackRepository feedback, AuditTrail audit,
            RemovalOrderRepository orders, ObjectMapper mapper) {
        this.events = events;
        this.feedback = feedback;
        this.audit = audit;
        this.orders = orders;
        this.mapper = mapper;
    }

    /** The pack for {@code order} as of {@code at}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Object> of(RemovalOrder order, Instant at) {
        Map<String, Object> pack = new LinkedHashMap<>();
        pack.put("order", AnnexOne.signedDocument(order));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", order.status.name());
        state.put("sentAt", Canonical.time(order.sentAt));
        state.put("receivedAt", Canonical.time(order.receivedAt));
        state.put("deadlineAt", Canonical.time(order.deadlineAt));
        state.put("overdueAt", Canonical.time(order.overdueAt));
        state.put("compliedAt", Canonical.time(order.compliedAt));
        pack.put("state", state);
        pack.put("proofOfDelivery", events.ofOrder(order.id).stream().map(e -> {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("eventId", e.id.toString());
            event.put("type", e.type.name());
            event.put("at", Canonical.time(e.at));
            event.put("channel", e.channel == null ? null : e.channel.name());
            event.put("notificationId", e.notificationId == null ? null : e.notificationId.toString());
            event.put("deliveryId", e.deliveryId == null ? null : e.deliveryId.toString());
            event.put("recordedAt", Canonical.time(e.recordedAt));
            return event;
        }).toList());
        pack.put("feedback", feedback.ofOrder(order.id).stream().map(f -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("feedbackId", f.id.toString());
            entry.put("form", f.form.name());
            entry.put("action", f.action == null ? null : f.action.name());
            entry.put("actionAt", Canonical.time(f.actionAt));
            entry.put("reason", f.reason == null ? null : f.reason.name());
            entry.put("explanation", f.explanation);
            entry.put("receivedAt", Canonical.time(f.receivedAt));
            entry.put("outcome", f.outcome);
            return entry;
        }).toList());
        pack.put("timeline", audit.ofSubject("REMOVAL_ORDER", order.id.toString()).stream()
                .filter(r -> !AuditTrail.isRead(r.action)).map(r -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("sequence", r.sequence);
            entry.put("recordedAt", Canonical.time(r.recordedAt));
            entry.put("actor", r.actor);
            entry.put("action", r.action);
            entry.put("details", details(r.details));
            entry.put("hash", r.hash);
            return entry;
        }).toList());
        Instant yearBefore = at.atOffset(ZoneOffset.UTC).minusMonths(12).toInstant();
        pack.put("breachesLast12Months", orders.breaches(order.platformId, yearBefore, at.plusNanos(1000)));
        return pack;
    }

    private Object details(String json) {
        try {
            return mapper.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored audit details are not JSON", e);
        }
    }
}
