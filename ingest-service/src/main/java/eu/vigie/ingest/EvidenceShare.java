package eu.vigie.ingest;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A case shared by its owner with another jurisdiction reaches the case's evidence: while the share
 * is active, that jurisdiction's reviewers and issuers may read the bytes (ARCHITECTURE "Case sharing
 * reaches the evidence"). Told by case-service; one row per evidence and jurisdiction.
 */
@Entity
@Table(name = "evidence_share")
@IdClass(EvidenceShare.Key.class)
public class EvidenceShare extends PanacheEntityBase {

    @Id
    public String sha256;

    /** The jurisdiction the case is shared with (upper case, as the tenants name it). */
    @Id
    public String jurisdiction;

    @Column(name = "case_id")
    public UUID caseId;

    /** case-service's id of the share: a share told again with the same id changes nothing. */
    @Column(name = "share_id")
    public UUID shareId;

    @Column(name = "shared_at")
    public Instant sharedAt;

    /** When the share was revoked; null while it is active. */
    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Version
    public long version;

    public boolean active() {
        return revokedAt == null;
    }

    /** The primary key: evidence and jurisdiction. */
    public static class Key implements Serializable {
        public String sha256;
        public String jurisdiction;

        public Key() {
        }

        public Key(String sha256, String jurisdiction) {
            this.sha256 = sha256;
            this.jurisdiction = jurisdiction;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(sha256, k.sha256) && Objects.equals(jurisdiction, k.jurisdiction);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sha256, jurisdiction);
        }
    }
}
