package eu.vigie.ingest.service;

/**
 * Which platform hosts a referral's content: {@code known} when the registry confirmed it.
 * An unknown platform ({@code platformId} null, or given by the caller but not confirmable while
 * the registry is unreachable) is flagged, never a reason to refuse a referral.
 */
public record PlatformIdentification(String platformId, boolean known) {

    public static final PlatformIdentification UNKNOWN = new PlatformIdentification(null, false);
}
