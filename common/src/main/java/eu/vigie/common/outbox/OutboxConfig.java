package eu.vigie.common.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relays: batch size, backoff, when a message is given up as dead, how long a delivered one is kept. */
@ConfigMapping(prefix = "vigie.outbox")
public interface OutboxConfig {

    /** How often the relay looks for due messages when nothing wakes it sooner. */
    @WithDefault("1s")
    Duration pollInterval();

    /** The most messages claimed in one query. */
    @WithDefault("50")
    int batchSize();

    /**
     * How many messages are delivered at once, each by its own thread. Messages in flight never
     * share a key, so the order per key is kept whatever this is.
     */
    @WithDefault("4")
    int concurrency();

    /** How long one relay may hold a message before another replica may take it over. */
    @WithDefault("60s")
    Duration claimTimeout();

    @WithDefault("500ms")
    Duration initialBackoff();

    @WithDefault("5m")
    Duration maxBackoff();

    /** After this long undelivered, a message is dead-lettered and the operators told. */
    @WithDefault("P7D")
    Duration deadAfter();

    /**
     * How long a delivered message is kept (for an operator tracing a hand-off) before the retention sweep deletes
     * it. Dead-lettered and pending messages are never deleted by it.
     */
    @WithDefault("P30D")
    Duration retention();
}
