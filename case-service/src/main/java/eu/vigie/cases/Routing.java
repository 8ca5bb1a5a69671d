package eu.vigie.cases;

/**
 * classify-service's routing suggestion for a case (ARCHITECTURE.md, third-round contract): a
 * suggestion only, shown to reviewers beside the score; the queue is ordered by tier, score and age.
 */
public enum Routing {
    /** Review first: strong signals (e.g. a hash match or a threat to life). */
    FAST_TRACK_REVIEW,
    /** Review in the ordinary course. */
    NORMAL_REVIEW,
    /** Weak signals: review when the queue allows. */
    LOW_PRIORITY
}
