package eu.vigie.cases;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a removal order, and the only transitions the law allows. Every change of an order's
 * status goes through {@link RemovalOrder#moveTo}, which asks {@link #canMoveTo}.
 */
public enum RemovalOrderStatus {
    /**
     * Signed, but held back: the provider has never received an order, so it gets 12 hours' notice of
     * procedures and deadlines first (Art. 3(2)); released to ISSUED when the notice period ends.
     */
    PENDING_PRE_NOTICE,
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
    WITHDRAWN,
    /** The home authority revoked the cross-border order on scrutiny (Art. 4(4)): it lapses, the content is reinstated. */
    REVOKED;

    /** What a home authority's revocation lapses: any order not withdrawn or revoked already. */
    private static final Set<RemovalOrderStatus> REVOCABLE = EnumSet.of(PENDING_PRE_NOTICE, ISSUED, SENT, RECEIVED, SUSPENDED, OVERDUE,
            COMPLIED);

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

    /** Whether the law allows an order in this status to move to {@code target}. */
    public boolean canMoveTo(RemovalOrderStatus target) {
        return LEGAL.get(this).contains(target);
    }

    /** Whether the order is still in force (not complied with, withdrawn or revoked). */
    public boolean inForce() {
        return this != COMPLIED && this != WITHDRAWN && this != REVOKED;
    }

    /** Whether the provider has not yet received the order. */
    public boolean beforeReceipt() {
        return this == PENDING_PRE_NOTICE || this == ISSUED || this == SENT;
    }

    /** Whether a home authority's revocation can still lapse an order in this status. */
    public boolean revocable() {
        return REVOCABLE.contains(this);
    }
}
