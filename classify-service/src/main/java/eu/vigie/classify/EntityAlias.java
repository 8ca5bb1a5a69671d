package eu.vigie.classify;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A name a designated entity is known by, in one language. */
@Entity
@Table(name = "entity_alias")
public class EntityAlias extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne
    @JoinColumn(name = "entity_id")
    public DesignatedEntity entity;

    public String alias;

    /** ISO 639-1 code. */
    public String language;

    /** Matched with its capitals (for names that are also everyday phrases, such as "The Base"). */
    @Column(name = "case_sensitive")
    public boolean caseSensitive;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;
}
