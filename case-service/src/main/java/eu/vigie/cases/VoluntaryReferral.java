package eu.vigie.cases;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import eu.vigie.common.vocabulary.Category;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A voluntary referral: the competent authority asks a platform to check content against its own
 * terms (not binding, no legal clock). Delivered through notify-service as a REFERRAL notification
 * whose id is this referral's id.
 */
@Entity
@Table(name = "voluntary_referral")
public class VoluntaryReferral extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "issuing_jurisdiction")
    public String issuingJurisdiction;

    @Column(name = "platform_id")
    public String platformId;

    /** The URLs, as a JSON array. */
    public String urls;

    @Convert(converter = CategoriesConverter.class)
    public Set<Category> categories = EnumSet.noneOf(Category.class);

    public String reasons;

    @Column(name = "issued_by")
    public String issuedBy;

    @Column(name = "issued_at")
    public Instant issuedAt;
}
