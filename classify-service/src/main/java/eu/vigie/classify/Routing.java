package eu.vigie.classify;

/** Which review queue a classification suggests; a suggestion only, a person decides. */
public enum Routing {
    URGENT_REVIEW,
    PRIORITY_REVIEW,
    STANDARD_REVIEW
}
