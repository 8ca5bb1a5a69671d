package eu.vigie.ingest.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * classify-service's answer to {@code POST /api/v1/hashes?dihedral=true}: PDQ (64 hex) with its quality (0-100),
 * MD5, SHA-256, and the PDQ of the image's eight dihedral variants, original first.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageHashes(String pdq, Integer quality, String md5, String sha256, List<Variant> dihedral) {

    /** One dihedral variant: the PDQ the image would have after {@code transform}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Variant(String transform, String pdq, Integer quality) {
    }

    /** The variants as the classification request carries them. */
    public List<PdqVariant> variants() {
        return dihedral == null ? List.of() : dihedral.stream().map(v -> new PdqVariant(v.transform(), v.pdq())).toList();
    }
}
