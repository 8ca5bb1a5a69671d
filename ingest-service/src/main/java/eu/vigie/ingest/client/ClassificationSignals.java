package eu.vigie.ingest.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import eu.vigie.ingest.Signals;

/**
 * The signals of {@code POST /api/v1/classifications} (ARCHITECTURE.md): the referral's hashes and, for an image
 * hashed with its variants, {@code pdqVariants}: the PDQ of its eight rotations and mirrors, original first, so
 * that a rotated or mirrored copy of banked content matches.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClassificationSignals(String sha256, String md5, String pdq, Integer pdqQuality,
        List<PdqVariant> pdqVariants) {

    public static ClassificationSignals of(Signals signals, List<PdqVariant> pdqVariants) {
        return new ClassificationSignals(signals.sha256(), signals.md5(), signals.pdq(), signals.pdqQuality(),
                pdqVariants == null || pdqVariants.isEmpty() ? null : List.copyOf(pdqVariants));
    }
}
