package eu.vigie.cases;

/** What the home authority decides when it scrutinises a cross-border removal order (Art. 4(4)). */
public enum ScrutinyDecision {
    /** The order stands. */
    UPHELD,
    /** The order infringes the Regulation or fundamental rights: it lapses and the content is reinstated. */
    REVOKED
}
