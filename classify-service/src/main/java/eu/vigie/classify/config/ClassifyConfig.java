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
}
