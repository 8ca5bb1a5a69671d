package eu.vigie.ingest.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** ingest-service settings ({@code vigie.ingest.*}). */
@ConfigMapping(prefix = "vigie.ingest")
public interface IngestConfig {

    /** The largest content accepted inline (decoded media bytes, or the UTF-8 bytes of a text); larger is 413. */
    @WithDefault("25M")
    MemorySize maxMediaBytes();

    /**
     * Query parameters removed from URLs on top of the built-in ones ({@code utm_*}, {@code fbclid},
     * {@code gclid}, {@code si}); matched case-insensitively, a trailing {@code *} matches a prefix.
     */
    Optional<List<String>> trackingParameters();

    /** How long an answer of the platform registry (platform found, or none) is reused. */
    @WithDefault("5m")
    Duration platformCacheTtl();

    /** How many hostnames and platform ids the registry cache holds at most. */
    @WithDefault("10000")
    int platformCacheSize();

    /** How many referrals one batch may hold; the lines after are answered 413 and not submitted. */
    @WithDefault("1000")
    int batchMaxLines();
}
