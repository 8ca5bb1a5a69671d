package eu.vigie.cases.client;

/**
 * What case-service needs of a platform in notify-service's registry: its home state (cross-border
 * orders) and whether it has ever received a removal order (the 12-hour pre-notice).
 */
public record PlatformInfo(String id, String homeJurisdiction, boolean hasReceivedOrder) {
}
