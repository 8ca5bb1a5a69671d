package eu.vigie.cases;

import static eu.vigie.cases.RemovalOrderStatus.COMPLIED;
import static eu.vigie.cases.RemovalOrderStatus.ISSUED;
import static eu.vigie.cases.RemovalOrderStatus.OVERDUE;
import static eu.vigie.cases.RemovalOrderStatus.PENDING_PRE_NOTICE;
import static eu.vigie.cases.RemovalOrderStatus.RECEIVED;
import static eu.vigie.cases.RemovalOrderStatus.REVOKED;
import static eu.vigie.cases.RemovalOrderStatus.SENT;
import static eu.vigie.cases.RemovalOrderStatus.SUSPENDED;
import static eu.vigie.cases.RemovalOrderStatus.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import eu.vigie.common.problem.ProblemException;

/** The order's state machine allows exactly the legal transitions, and nothing else. */
class RemovalOrderStateMachineTest {

    private static final Map<RemovalOrderStatus, Set<RemovalOrderStatus>> LEGAL = Map.of(
            PENDING_PRE_NOTICE, EnumSet.of(ISSUED, WITHDRAWN, REVOKED),
            ISSUED, EnumSet.of(SENT, WITHDRAWN, REVOKED),
            SENT, EnumSet.of(RECEIVED, WITHDRAWN, REVOKED),
            RECEIVED, EnumSet.of(COMPLIED, SUSPENDED, OVERDUE, WITHDRAWN, REVOKED),
            SUSPENDED, EnumSet.of(RECEIVED, WITHDRAWN, REVOKED),
            OVERDUE, EnumSet.of(COMPLIED, REVOKED),
            COMPLIED, EnumSet.of(REVOKED),
            WITHDRAWN, EnumSet.noneOf(RemovalOrderStatus.class),
            REVOKED, EnumSet.noneOf(RemovalOrderStatus.class));

    @Test
    void exactlyTheLegalTransitionsAreAllowed() {
        for (RemovalOrderStatus from : RemovalOrderStatus.values()) {
            for (RemovalOrderStatus to : RemovalOrderStatus.values()) {
                assertEquals(LEGAL.get(from).contains(to), from.canMoveTo(to), from + " -> " + to);
            }
        }
    }

    @Test
    void illegalMoveIsRefusedAsConflictAndChangesNothing() {
        RemovalOrder order = new RemovalOrder();
        order.referenceNumber = "GB-2026-000001";
        order.status = COMPLIED;
        ProblemException refused = assertThrows(ProblemException.class, () -> order.moveTo(RECEIVED, Instant.now()));
        assertEquals(409, refused.status());
        assertEquals(COMPLIED, order.status);

        order.status = REVOKED;
        assertThrows(ProblemException.class, () -> order.moveTo(ISSUED, Instant.now()));
        assertEquals(REVOKED, order.status);

        order.status = PENDING_PRE_NOTICE;
        assertThrows(ProblemException.class, () -> order.moveTo(SENT, Instant.now()));
        assertEquals(PENDING_PRE_NOTICE, order.status);

        order.status = ISSUED;
        assertThrows(ProblemException.class, () -> order.moveTo(RECEIVED, Instant.now()));
        assertEquals(ISSUED, order.status);
    }

    @Test
    void legalMoveChangesStatusAndAnswersThePreviousOne() {
        RemovalOrder order = new RemovalOrder();
        order.status = RECEIVED;
        Instant at = Instant.parse("2026-11-29T10:00:00Z");
        assertEquals(RECEIVED, order.moveTo(SUSPENDED, at));
        assertEquals(SUSPENDED, order.status);
        assertEquals(at, order.updatedAt);
        assertEquals(SUSPENDED, order.moveTo(RECEIVED, at));
        assertEquals(RECEIVED, order.moveTo(OVERDUE, at));
        assertEquals(OVERDUE, order.moveTo(COMPLIED, at));
        assertEquals(COMPLIED, order.moveTo(REVOKED, at));
        order.status = PENDING_PRE_NOTICE;
        assertEquals(PENDING_PRE_NOTICE, order.moveTo(ISSUED, at));
    }

    @Test
    void onlyOrdersStillStandingAreRevocableAndInForce() {
        for (RemovalOrderStatus status : RemovalOrderStatus.values()) {
            assertEquals(status.canMoveTo(REVOKED), status.revocable(), status.name());
        }
        assertEquals(false, REVOKED.inForce());
        assertEquals(true, PENDING_PRE_NOTICE.inForce());
        assertEquals(true, PENDING_PRE_NOTICE.beforeReceipt());
    }
}
