package eu.vigie.ingest;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import eu.vigie.common.vocabulary.ContentType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A report of content, as an agency submitted it, and what became of it. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public ReferralStatus status;

    /** The URL exactly as submitted. */
    public String url;

    @Column(name = "canonical_url")
    public String canonicalUrl;

    @Column(name = "platform_id")
    public String platformId;

    /** Whether the registry confirmed the platform; false when it was unknown or the registry unreachable. */
    @Column(name = "platform_known")
    public boolean platformKnown;

    @Enumerated(EnumType.STRING)
    @Column(name = "content_type")
    public ContentType contentType;

    public String text;

    @Column(name = "media_type")
    public String mediaType;

    public String language;

    @Column(name = "observed_at")
    public Instant observedAt;

    public String notes;

    public String reference;

    /** SHA-256 of the content bytes (key of the {@link Evidence}); null without content bytes. */
    public String sha256;

    public String md5;

    public String pdq;

    @Column(name = "pdq_quality")
    public Integer pdqQuality;

    /** The earliest earlier referral of the same canonical URL or the same bytes, from any agency. */
    @Column(name = "duplicate_of")
    public UUID duplicateOf;

    @Column(name = "case_id")
    public UUID caseId;

    public String jurisdiction;

    public String agency;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "classification_id")
    public UUID classificationId;

    /** classify-service's score in [0,1], at most three decimals. */
    @Column(name = "classification_score")
    public java.math.BigDecimal classificationScore;

    @Column(name = "classification_tier")
    public String classificationTier;

    /** Comma-separated Art. 2(7) categories of the verdict. */
    @Column(name = "classification_categories")
    public String classificationCategories;

    @Column(name = "classification_routing")
    public String classificationRouting;

    @Column(name = "classified_at")
    public Instant classifiedAt;

    @Column(name = "case_linked_at")
    public Instant caseLinkedAt;

    /** The case's status as case-service answered the intake. */
    @Column(name = "case_status")
    public String caseStatus;

    /**
     * How case-service finds the one case of this content: the {@link #contentKey()} of the first referral of its
     * group (the referrals linked by the same canonical URL or the same SHA-256); its own when it is the first.
     */
    @Column(name = "group_content_key")
    public String groupContentKey;

    /** The case of the same content owned by another jurisdiction, if any: its id, owner, agency and status. */
    @Column(name = "deconfliction_case_id")
    public UUID deconflictionCaseId;

    @Column(name = "deconfliction_jurisdiction")
    public String deconflictionJurisdiction;

    @Column(name = "deconfliction_agency")
    public String deconflictionAgency;

    @Column(name = "deconfliction_status")
    public String deconflictionStatus;

    @Version
    public long version;

    public Signals signals() {
        return sha256 == null ? Signals.NONE : new Signals(sha256, md5, pdq, pdqQuality);
    }

    /**
     * The key of this referral's own content: {@code sha256:<hex>} with content bytes, else {@code url:<canonical URL>}.
     */
    public String contentKey() {
        return sha256 != null ? "sha256:" + sha256 : "url:" + canonicalUrl;
    }
}
