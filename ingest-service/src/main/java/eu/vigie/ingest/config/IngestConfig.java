package eu.vigie.ingest.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
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

    /** How long an answer of the platform registry that names a platform is reused. */
    @WithDefault("5m")
    Duration platformCacheTtl();

    /**
     * How long the registry's answer that no platform serves a host is reused. Short, and never
     * served past it: a platform an admin has just registered is recognised on its next referral.
     */
    @WithDefault("10s")
    Duration unknownPlatformCacheTtl();

    /**
     * While referrals are being submitted, the hand-off to classify- and case-service pauses this long
     * before each message, so that on a small machine intake keeps the CPU and the hand-off catches up
     * when intake is quiet (it never stops: at most one pause per message). 0 turns the pause off.
     */
    @WithDefault("5ms")
    Duration handOffYield();

    /** How many hostnames and platform ids the registry cache holds at most. */
    @WithDefault("10000")
    int platformCacheSize();

    /**
     * How many referrals one batch may hold; the lines after are answered 413 and not submitted. The
     * batch is streamed (one line in memory at a time), so the cap bounds the duration of a request, not memory.
     */
    @WithDefault("100000")
    int batchMaxLines();

    /** The most pixels (width x height, read from the header only) an image may declare; more is 422. */
    @WithDefault("250000000")
    long maxImagePixels();

    /** Where the evidence bytes are kept: {@code postgres} (table evidence_content) or {@code filesystem}. */
    @WithDefault("postgres")
    EvidenceStoreKind evidenceStore();

    /** The root folder of the filesystem evidence store (required when evidence-store is filesystem). */
    Optional<Path> evidenceDirectory();

    /** How long evidence is preserved after its case closed (TCO Art. 6: six months). */
    @WithDefault("P6M")
    Period retentionAfterCaseClosed();

    /** How often the purge of expired evidence runs. */
    @WithDefault("1h")
    Duration purgeEvery();

    /** How many pieces of evidence one purge transaction deletes at most. */
    @WithDefault("100")
    int purgeBatchSize();

    enum EvidenceStoreKind {
        POSTGRES,
        FILESYSTEM
    }
}
