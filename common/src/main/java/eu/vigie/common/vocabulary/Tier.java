package eu.vigie.common.vocabulary;

/** Urgency tiers, most urgent first. */
public enum Tier {
    THREAT_TO_LIFE,
    CRISIS,
    DESIGNATED_GROUP,
    PROMOTIONAL
}
