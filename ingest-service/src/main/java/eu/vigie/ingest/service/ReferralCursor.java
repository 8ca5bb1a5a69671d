package eu.vigie.ingest.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import eu.vigie.ingest.Referral;

/** The position after which a listing continues: opaque to callers (base64url of time and id). */
public record ReferralCursor(Instant submittedAt, UUID id) {

    public static ReferralCursor after(Referral last) {
        return new ReferralCursor(last.submittedAt, last.id);
    }

    public String encode() {
        long micros = submittedAt.getEpochSecond() * 1_000_000L + submittedAt.getNano() / 1_000;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException if the text is no cursor this service issued */
    public static ReferralCursor decode(String text) {
        String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("no separator");
        }
        long micros = Long.parseLong(decoded.substring(0, colon));
        UUID id = UUID.fromString(decoded.substring(colon + 1));
        return new ReferralCursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1_000L), id);
    }
}
