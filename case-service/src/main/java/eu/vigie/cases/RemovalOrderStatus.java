package eu.vigie.cases;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a removal order, and the only transitions the law allows. Every change of an order's
 * status goes through {@link RemovalOrder#moveTo}, which asks {@link #canMoveTo}.
 */
public enum RemovalOrderStatus {
    /** Issued and signed, on its way to the provider. */
    ISSUED,
    /** Sent to the provider's contact point. */
    SENT,
    /** Received by the provider: the one-hour clock runs. */
    RECEIVED,
    /** The provider answered with Annex III: the clock is stopped until the obstacle ceases. */
    SUSPENDED,
    /** The provider removed or disabled the content (Annex II). */
    COMPLIED,
    /** The hour passed without compliance. */
    OVERDUE,
    /** The issuer withdrew the order. */
    WITHDRAWN;

    private static final Map<RemovalOrderStatus, Set<RemovalOrderStatus>> LEGAL = Map.of(
            ISSUED, EnumSet.of(SENT, WITHDRAWN),
            SENT, EnumSet.of(RECEIVED, WITHDRAWN),
            RECEIVED, EnumSet.of(COMPLIED, SUSPENDED, OVERDUE, WITHDRAWN),
            SUSPENDED, EnumSet.of(RECEIVED, WITHDRAWN),
            OVERDUE, EnumSet.of(COMPLIED),
            COMPLIED, EnumSet.noneOf(RemovalOrderStatus.class),
            WITHDRAWN, EnumSet.noneOf(RemovalOrderStatus.class));

    /** Whether the law allows an order in this status to move to {@code target}. */
    public boolean canMoveTo(RemovalOrderStatus target) {
        return LEGAL.get(this).contains(target);
    }

    /** Whether the order is still in force (not complied with, not withdrawn). */
    public boolean inForce() {
        return this != COMPLIED && this != WITHDRAWN;
    }

    /** Whether the provider has not yet received the order. */
    public boolean beforeReceipt() {
        return this == ISSUED || this == SENT;
    }
}
