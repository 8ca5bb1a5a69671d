package eu.vigie.classify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

import eu.vigie.common.vocabulary.Tier;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An organisation on a proscription or sanctions list, and the names it is known by. */
@Entity
@Table(name = "designated_entity")
public class DesignatedEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    /** The urgency tier its designation carries (the seed's organisations: {@code DESIGNATED_GROUP}). */
    @Enumerated(EnumType.STRING)
    public Tier tier;

    /** The lists that designate it, as free text (the structured membership is {@link #listings}). */
    public String source;

    /**
     * The names it is known by: read when first used (for all the entities of a query at once), or fetched with the
     * entity by the queries that show them; the text scan reads its own compiled copy (service.DesignationLexicon).
     */
    @OneToMany(mappedBy = "entity", fetch = FetchType.LAZY)
    @Fetch(FetchMode.SUBSELECT)
    @OrderBy("language, alias")
    public List<EntityAlias> aliases = new ArrayList<>();

    /** The designation lists it is on: read when first used, for all the entities of a query at once. */
    @OneToMany(mappedBy = "entity", fetch = FetchType.LAZY)
    @Fetch(FetchMode.SUBSELECT)
    public List<EntityListing> listings = new ArrayList<>();

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;
}
