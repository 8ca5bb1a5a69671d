package eu.vigie.cases;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One record of the append-only, hash-chained audit trail: {@code hash} = SHA-256 over the previous
 * record's hash and this record's canonical form, which includes the link to the previous record of
 * the same case ({@code casePreviousHash}): one global chain, and one chain per case beside it.
 * PostgreSQL refuses UPDATE, DELETE and TRUNCATE.
 */
@Entity
@Table(name = "audit_record")
public class AuditRecord extends PanacheEntityBase {

    @Id
    public long sequence;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    public String actor;

    public String action;

    @Column(name = "subject_type")
    public String subjectType;

    @Column(name = "subject_id")
    public String subjectId;

    @Column(name = "case_id")
    public UUID caseId;

    /** Canonical JSON of what was decided. */
    public String details;

    @Column(name = "previous_hash")
    public String previousHash;

    /** The hash of the previous record of the same case (64 zeros for its first); null for records without a case. */
    @Column(name = "case_previous_hash")
    public String casePreviousHash;

    public String hash;
}
