package eu.vigie.classify.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** classify-service settings ({@code vigie.classify.*}). */
@ConfigMapping(prefix = "vigie.classify")
public interface ClassifyConfig {

    /** Hamming distance within which a PDQ hash matches a bank signal (DESIGN.md: 31). */
    @WithDefault("31")
    int pdqMaxDistance();

    /** PDQ hashes of lower quality than this are too unreliable to match (Meta recommends 50). */
    @WithDefault("50")
    int pdqMinQuality();

    /** The longest text (in UTF-16 code units) a classification or scan accepts. */
    @WithDefault("1000000")
    int maxTextLength();

    /**
     * The largest image, in pixels (width x height read from the header before decoding), that {@code /hashes}
     * decodes; larger ones are refused with 413. Decoding and hashing take about 12 bytes of heap per pixel.
     */
    @WithDefault("25000000")
    long maxImagePixels();

    /** How many images are decoded and hashed at the same time; further requests wait. */
    @WithDefault("2")
    int maxConcurrentHashes();

    /** How long a request waits for a hashing slot before it is refused with 429. */
    @WithDefault("30")
    int hashWaitSeconds();

    /** How often, in milliseconds, each replica reads the signal change feed into its in-memory PDQ index. */
    @WithDefault("2000")
    long indexPollMillis();
}
