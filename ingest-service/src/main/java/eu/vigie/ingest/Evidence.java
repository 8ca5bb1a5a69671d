package eu.vigie.ingest;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Content bytes preserved as evidence, stored once and addressed by their SHA-256. The jurisdiction
 * of the first submission owns them.
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

    @Basic(fetch = FetchType.LAZY)
    public byte[] content;

    @Column(name = "first_seen_at")
    public Instant firstSeenAt;

    @Column(name = "owner_jurisdiction")
    public String ownerJurisdiction;
}
