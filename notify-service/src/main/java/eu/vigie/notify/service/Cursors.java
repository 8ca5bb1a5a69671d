package eu.vigie.notify.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import eu.vigie.common.problem.ProblemException;

/** Opaque pagination cursors: a position in a sequence, encoded so callers do not build them. */
public final class Cursors {

    private static final String PREFIX = "after:";

    private Cursors() {
    }

    public static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** The position after which the page starts: 0 without a cursor; a 400 problem for a cursor not ours. */
    public static long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                throw new IllegalArgumentException();
            }
            long seq = Long.parseLong(text.substring(PREFIX.length()));
            if (seq < 0) {
                throw new IllegalArgumentException();
            }
            return seq;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this list gave out");
        }
    }
}
