package eu.vigie.ingest.client;

/**
 * The PDQ hash (64 lower-case hex) an image would have after a dihedral {@code transform} (rotation or mirror),
 * named exactly as classify-service's {@code POST /api/v1/hashes?dihedral=true} names it ({@code ORIGINAL},
 * {@code ROTATE_90}, ...).
 */
public record PdqVariant(String transform, String pdq) {
}
