package eu.vigie.cases;

/** The regulator's decision in an enforcement proceeding. */
public enum EnforcementOutcome {
    NO_ACTION,
    WARNING,
    /** A financial penalty: amount, ISO 4217 currency and legal basis required. */
    PENALTY
}
