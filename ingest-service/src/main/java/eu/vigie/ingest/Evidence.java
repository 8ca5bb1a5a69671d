package eu.vigie.ingest;

import java.time.Instant;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Content bytes preserved as evidence, stored once and addressed by their SHA-256 (the bytes live in
 * the configured {@code EvidenceStore}). The jurisdiction of the first submission owns them. They are
 * preserved (TCO Art. 6) until {@link #retainUntil}, set when the case closes, or a later legal hold;
 * the purge then deletes the bytes and keeps this description and the chain of custody.
 */
@Entity
@Table(name = "evidence")
public class Evidence extends PanacheEntityBase {

    /** Lower-case hex SHA-256 of the bytes. */
    @Id
    public String sha256;

    /** Lower-case hex MD5 of the bytes. */
    public String md5;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    @Column(name = "first_seen_at")
    public Instant firstSeenAt;

    @Column(name = "owner_jurisdiction")
    public String ownerJurisdiction;

    /** PDQ of an image (64 hex), computed by classify-service during the hand-off; null otherwise. */
    public String pdq;

    @Column(name = "pdq_quality")
    public Integer pdqQuality;

    /**
     * The PDQ of the image's eight dihedral variants as classify-service named them, original first: a JSON array of
     * {@code {"transform","pdq"}}; null until the image is hashed with them.
     */
    @Column(name = "pdq_variants")
    public String pdqVariants;

    /** The case whose closure set {@link #retainUntil}. */
    @Column(name = "closed_case_id")
    public UUID closedCaseId;

    @Column(name = "case_closed_at")
    public Instant caseClosedAt;

    /** The end of preservation after the case closed; null while the case is open (kept indefinitely). */
    @Column(name = "retain_until")
    public Instant retainUntil;

    /** A legal hold keeps the bytes until this time even if {@link #retainUntil} has passed. */
    @Column(name = "legal_hold_until")
    public Instant legalHoldUntil;

    @Column(name = "legal_hold_reasons")
    public String legalHoldReasons;

    /** When the purge deleted the bytes; null while they are preserved. */
    @Column(name = "purged_at")
    public Instant purgedAt;

    @Column(name = "purge_reason")
    public String purgeReason;

    @Version
    public long version;

    public boolean purged() {
        return purgedAt != null;
    }
}
