package eu.vigie.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The clock of case-service in tests: system time plus an offset that tests move forward, so that
 * twelve hours of pre-notice or an hour's deadline pass without sleeping. Replaces the default
 * {@code Clock} bean. Tests that move it call {@link #reset()} afterwards.
 */
public class TestClock extends Clock {

    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

    /** Moves time forward by {@code by}. */
    public static void advance(Duration by) {
        OFFSET.updateAndGet(offset -> offset.plus(by));
    }

    public static void reset() {
        OFFSET.set(Duration.ZERO);
    }

    /** What case-service's clock reads now. */
    public static Instant current() {
        return Instant.now().plus(OFFSET.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return current();
    }

    /** The producer that makes this the application's clock in tests. */
    public static class Producer {

        @Produces
        @Singleton
        Clock clock() {
            return new TestClock();
        }
    }
}
