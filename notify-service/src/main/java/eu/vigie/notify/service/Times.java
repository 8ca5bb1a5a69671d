package eu.vigie.notify.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times as PostgreSQL stores them (microseconds), so that what an answer shows is what the record keeps. */
public final class Times {

    private Times() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
