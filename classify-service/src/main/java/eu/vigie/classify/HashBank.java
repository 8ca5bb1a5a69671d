package eu.vigie.classify;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A named collection of signals (hashes of known content) that incoming content is matched against. */
@Entity
@Table(name = "hash_bank")
public class HashBank extends PanacheEntityBase {

    /** UPPER_SNAKE name, such as {@code CONFIRMED}. */
    @Id
    public String name;

    public String description;

    /** A disabled bank's signals match nothing. */
    public boolean enabled;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public long version;
}
