package eu.vigie.cases;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import eu.vigie.common.vocabulary.ContentType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A referral handed over by ingest-service and attached to a case; its id is the referral's own id. */
@Entity
@Table(name = "case_referral")
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    /** Whether this referral opened its case (so a replay answers exactly as the first time). */
    @Column(name = "created_case")
    public boolean createdCase;

    public String jurisdiction;

    public String agency;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    public String url;

    @Column(name = "canonical_url")
    public String canonicalUrl;

    @Column(name = "platform_id")
    public String platformId;

    @Column(name = "platform_known")
    public boolean platformKnown;

    @Enumerated(EnumType.STRING)
    @Column(name = "content_type")
    public ContentType contentType;

    @Column(name = "content_key")
    public String contentKey;

    /** The content's signals (sha256, md5, pdq, pdqQuality) as JSON. */
    public String signals;

    public String reference;

    public String notes;

    /** classify-service's verdict on this referral, as JSON, or null. */
    public String classification;

    @Column(name = "received_at")
    public Instant receivedAt;
}
