package eu.vigie.ingest;

/** What happened to a piece of evidence, in its chain of custody. */
public enum CustodyAction {
    /** The bytes were submitted with a referral (recorded for every submission, even of known bytes). */
    SUBMITTED,
    /** The bytes were read back through the evidence endpoint. */
    READ,
    /** case-service reported the case closed: the retention deadline was set. */
    CASE_CLOSED,
    /** A legal hold was placed (or extended) on the bytes. */
    LEGAL_HOLD_SET,
    /** The legal hold was released. */
    LEGAL_HOLD_RELEASED,
    /** case-service shared the case with another jurisdiction, whose reviewers and issuers may now read the bytes. */
    SHARED,
    /** case-service revoked a share: that jurisdiction may no longer read the bytes. */
    SHARE_REVOKED,
    /** The scheduled purge deleted the bytes once their preservation had expired. */
    PURGED
}
