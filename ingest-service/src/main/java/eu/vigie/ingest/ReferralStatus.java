package eu.vigie.ingest;

/**
 * Where a referral is on its way from the front door to a case. It only moves forward:
 * {@code ACCEPTED -> CLASSIFIED -> CASE_OPENED}.
 */
public enum ReferralStatus {
    /** Validated, its evidence stored and its hand-off to classification durably queued. */
    ACCEPTED,
    /** classify-service has given its verdict; the summary is recorded on the referral. */
    CLASSIFIED,
    /** case-service has taken the referral into a case (a new one, or the open case of the same content). */
    CASE_OPENED;

    /** Whether moving from this status to {@code next} goes forward. */
    public boolean isBefore(ReferralStatus next) {
        return ordinal() < next.ordinal();
    }
}
