package eu.vigie.classify;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import eu.vigie.common.vocabulary.Category;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A phrase that, found in a text, indicates one Art. 2(7) category. */
@Entity
@Table(name = "category_indicator")
public class CategoryIndicator extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public Category category;

    public String phrase;

    /** ISO 639-1 code. */
    public String language;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;
}
