package eu.vigie.classify;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import eu.vigie.common.vocabulary.ContentType;
import eu.vigie.common.vocabulary.Tier;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The verdict given on one referral, kept exactly as it was answered ({@link #verdict}), with the
 * inputs and headline figures as columns for queries. Never updated.
 */
@Entity
@Table(name = "classification")
public class Classification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "referral_id")
    public UUID referralId;

    /** The referral's jurisdiction when the sender stated it; reviewers of other jurisdictions cannot read it. */
    public String jurisdiction;

    public String url;

    @Column(name = "platform_id")
    public String platformId;

    @Enumerated(EnumType.STRING)
    @Column(name = "content_type")
    public ContentType contentType;

    public String language;

    public String sha256;

    public String md5;

    public String pdq;

    public String categories;

    public String entity;

    @Enumerated(EnumType.STRING)
    public Tier tier;

    /** In [0,1], three decimals: see Verdicts. */
    @Column(precision = 4, scale = 3)
    public BigDecimal score;

    @Enumerated(EnumType.STRING)
    public Routing routing;

    /** The answer as given, JSON. */
    public String verdict;

    @Column(name = "classified_at")
    public Instant classifiedAt;

    @Column(name = "classified_by")
    public String classifiedBy;
}
