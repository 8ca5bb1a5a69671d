package eu.vigie.cases.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.vigie.cases.RemovalOrder;
import eu.vigie.cases.RemovalOrderStatus;

/** Moves an order through its state machine ({@link RemovalOrder#moveTo}) and records each change in the audit trail. */
@ApplicationScoped
public class OrderTransitions {

    private final AuditTrail audit;

    public OrderTransitions(AuditTrail audit) {
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void move(RemovalOrder order, RemovalOrderStatus target, Instant at, String actor, String cause) {
        RemovalOrderStatus previous = order.moveTo(target, Canonical.now());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("referenceNumber", order.referenceNumber);
        details.put("from", previous.name());
        details.put("to", target.name());
        details.put("at", Canonical.time(at));
        details.put("cause", cause);
        details.put("deadlineAt", Canonical.time(order.deadlineAt));
        audit.append(actor, "ORDER_STATUS_CHANGED", "REMOVAL_ORDER", order.id, order.caseId, details);
    }
}
