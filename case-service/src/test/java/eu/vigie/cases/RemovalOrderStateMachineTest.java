package eu.vigie.cases;

import static eu.vigie.cases.RemovalOrderStatus.COMPLIED;
import static eu.vigie.cases.RemovalOrderStatus.ISSUED;
import static eu.vigie.cases.RemovalOrderStatus.OVERDUE;
import static eu.vigie.cases.RemovalOrderStatus.RECEIVED;
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
            ISSUED, EnumSet.of(SENT, WITHDRAWN),
            SENT, EnumSet.of(RECEIVED, WITHDRAWN),
            RECEIVED, EnumSet.of(COMPLIED, SUSPENDED, OVERDUE, WITHDRAWN),
            SUSPENDED, EnumSet.of(RECEIVED, WITHDRAWN),
            OVERDUE, EnumSet.of(COMPLIED),
            COMPLIED, EnumSet.noneOf(RemovalOrderStatus.class),
            WITHDRAWN, EnumSet.noneOf(RemovalOrderStatus.class));

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
    }
}
