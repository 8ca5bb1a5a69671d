package eu.vigie.ingest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The hashes of a referral's content: SHA-256 and MD5 of the bytes, and PDQ with its quality for
 * images (computed by classify-service during the hand-off: null until then, and for other content). All null when the referral has no content bytes.
 */
@Schema(name = "Signals")
public record Signals(String sha256, String md5, String pdq, Integer pdqQuality) {

    public static final Signals NONE = new Signals(null, null, null, null);
}
