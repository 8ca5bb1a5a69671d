package eu.vigie.classify;

/** What a text indicator found: a designated entity's name, or a category indicator phrase. */
public enum IndicatorKind {
    DESIGNATED_ENTITY,
    CATEGORY_TERM
}
