package eu.vigie.classify;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change to the banks, signals, designation list or indicators: who, when, what. Never updated. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Insertion order, assigned by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    public Instant at;

    public String actor;

    public String action;

    @Column(name = "subject_type")
    public String subjectType;

    @Column(name = "subject_id")
    public String subjectId;

    /** The change as JSON: the values before and after, or what was added. */
    public String detail;
}
