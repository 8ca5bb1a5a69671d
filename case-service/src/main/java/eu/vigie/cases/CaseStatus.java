package eu.vigie.cases;

import java.util.Set;

/** Where a case stands in review and action. */
public enum CaseStatus {
    /** Received, waiting for a reviewer. */
    OPEN,
    /** Claimed by a reviewer. */
    IN_REVIEW,
    /** The reviewer needs more information before deciding. */
    NEEDS_INFORMATION,
    /** Assessed as terrorist content: an order may be issued. */
    CONFIRMED,
    /** Assessed as not terrorist content. */
    REJECTED,
    /** A removal order has been issued. */
    ACTIONED,
    /**
     * Closed by an officer of the owning jurisdiction once nothing is left to do on it (see
     * {@code CaseClosureService}); its evidence's six-month preservation starts. Final.
     */
    CLOSED;

    /** The statuses of cases waiting for an assessment: the review queue. */
    public static final Set<CaseStatus> AWAITING_REVIEW = Set.of(OPEN, IN_REVIEW, NEEDS_INFORMATION);

    /** Whether a reviewer may still assess (or re-assess) the case: not once an order was issued, nor once closed. */
    public boolean assessable() {
        return this != ACTIONED && this != CLOSED;
    }
}
