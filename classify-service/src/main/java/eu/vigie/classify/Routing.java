package eu.vigie.classify;

/**
 * Which review queue a classification suggests; a suggestion only, a person decides. Most urgent first.
 */
public enum Routing {
    /** Threat to life, crisis, or a score of at least 0.8: reviewed ahead of everything else. */
    FAST_TRACK_REVIEW,
    /** A designated group, or a score of at least 0.5. */
    NORMAL_REVIEW,
    /** Weak or no evidence found by the machine: still reviewed, after the others. */
    LOW_PRIORITY
}
