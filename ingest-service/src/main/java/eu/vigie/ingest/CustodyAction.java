package eu.vigie.ingest;

/** What happened to a piece of evidence, in its chain of custody. */
public enum CustodyAction {
    /** The bytes were submitted with a referral (recorded for every submission, even of known bytes). */
    SUBMITTED,
    /** The bytes were read back through the evidence endpoint. */
    READ
}
