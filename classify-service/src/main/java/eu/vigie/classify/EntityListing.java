package eu.vigie.classify;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A designated entity's membership of one designation list. Added and removed, never changed in place. */
@Entity
@Table(name = "entity_listing")
public class EntityListing extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne
    @JoinColumn(name = "entity_id")
    public DesignatedEntity entity;

    @Enumerated(EnumType.STRING)
    @Column(name = "designation_list")
    public DesignationList list;

    /** The list's own name for the entity, where it differs from the entity's name; null otherwise. */
    @Column(name = "listed_name")
    public String listedName;

    /** The instrument and entry that list it, as cited (e.g. a UN permanent reference); null if not known. */
    public String reference;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;
}
