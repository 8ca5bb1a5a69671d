package eu.vigie.cases;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where an enforcement proceeding stands: OPEN → REPRESENTATIONS_RECEIVED → DECIDED (deciding also from OPEN). */
public enum EnforcementStatus {
    /** Opened by the regulator with its frozen evidence pack. */
    OPEN,
    /** The platform's representations have been recorded (more may follow until the decision). */
    REPRESENTATIONS_RECEIVED,
    /** Decided: no action, warning or penalty. Final. */
    DECIDED;

    private static final Map<EnforcementStatus, Set<EnforcementStatus>> LEGAL = Map.of(
            OPEN, EnumSet.of(REPRESENTATIONS_RECEIVED, DECIDED),
            REPRESENTATIONS_RECEIVED, EnumSet.of(REPRESENTATIONS_RECEIVED, DECIDED),
            DECIDED, EnumSet.noneOf(EnforcementStatus.class));

    public boolean canMoveTo(EnforcementStatus target) {
        return LEGAL.get(this).contains(target);
    }
}
