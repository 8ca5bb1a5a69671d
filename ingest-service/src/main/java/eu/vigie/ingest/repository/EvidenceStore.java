package eu.vigie.ingest.repository;

import java.util.Optional;

/**
 * Where the bytes of evidence are kept, addressed by their SHA-256 (lower-case hex). Writes are
 * idempotent (the same bytes under the same address), reads verify nothing beyond what each
 * implementation states, deletes are idempotent. Chosen by {@code vigie.ingest.evidence-store}.
 */
public interface EvidenceStore {

    /** Stores the bytes under their SHA-256 unless they are there already. */
    void put(String sha256, byte[] bytes);

    /** The bytes stored under the SHA-256, if any. */
    Optional<byte[]> get(String sha256);

    /** Deletes the bytes stored under the SHA-256; answers whether there were any. */
    boolean delete(String sha256);
}
