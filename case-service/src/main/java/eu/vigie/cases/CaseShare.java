package eu.vigie.cases;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A case shared by its owning jurisdiction with another one: while active (not revoked), that
 * jurisdiction's reviewers, issuers and regulators read the full case (they do not act on it), and
 * its reviewers and issuers the evidence at ingest-service.
 */
@Entity
@Table(name = "case_share")
public class CaseShare extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    public String jurisdiction;

    public String reasons;

    @Column(name = "shared_by")
    public String sharedBy;

    @Column(name = "shared_at")
    public Instant sharedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Version
    public long version;

    public boolean active() {
        return revokedAt == null;
    }
}
