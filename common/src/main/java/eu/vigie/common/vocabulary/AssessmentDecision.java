package eu.vigie.common.vocabulary;

/** A reviewer's decision on a case. */
public enum AssessmentDecision {
    TERRORIST_CONTENT,
    NOT_TERRORIST_CONTENT,
    NEEDS_INFORMATION
}
