package eu.vigie.cases.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The clock every time rule of case-service reads (deadlines, the pre-notice period, the scrutiny
 * window, the overdue watch): UTC system time, replaceable by another {@link Clock} bean (tests
 * move time forward without sleeping).
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
