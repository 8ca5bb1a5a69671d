package eu.vigie.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import eu.vigie.common.vocabulary.AssessmentDecision;
import eu.vigie.common.vocabulary.Category;
import eu.vigie.common.vocabulary.Tier;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A case: one per piece of content (its {@code contentKey}), owned by the jurisdiction and agency of
 * its first referral, with the classification that prioritises it, the reviewer's claim and the
 * assessment. ({@code case} is a keyword in Java and in JPQL, hence the name.)
 */
@Entity
@Table(name = "vigie_case")
public class CaseFile extends PanacheEntityBase {

    /** Rank used when a case has no tier: after every tier. */
    public static final int NO_TIER_RANK = Tier.values().length;

    @Id
    public UUID id;

    @Column(name = "content_key")
    public String contentKey;

    @Column(name = "owner_jurisdiction")
    public String ownerJurisdiction;

    @Column(name = "owner_agency")
    public String ownerAgency;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    @Column(name = "platform_id")
    public String platformId;

    @Column(name = "platform_known")
    public boolean platformKnown;

    @Enumerated(EnumType.STRING)
    public Tier tier;

    /** The tier's urgency rank (0 = threat to life), {@link #NO_TIER_RANK} without a tier: the queue's first key. */
    @Column(name = "tier_rank")
    public int tierRank = NO_TIER_RANK;

    /** The classification score, a number in [0,1] with at most three decimals: the queue's second key. */
    @Column(precision = 4, scale = 3)
    public BigDecimal score = BigDecimal.ZERO;

    /** classify-service's routing suggestion for the classification that set the priority (null without one). */
    @Enumerated(EnumType.STRING)
    public Routing routing;

    /** The classification that set the case's priority, as classify-service answered it (JSON). */
    public String classification;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "assessment_decision")
    public AssessmentDecision assessmentDecision;

    @Convert(converter = CategoriesConverter.class)
    @Column(name = "assessment_categories")
    public Set<Category> assessmentCategories = EnumSet.noneOf(Category.class);

    @Enumerated(EnumType.STRING)
    @Column(name = "assessment_tier")
    public Tier assessmentTier;

    @Column(name = "assessment_entity")
    public String assessmentEntity;

    @Column(name = "assessment_legal_basis")
    public String assessmentLegalBasis;

    @Column(name = "assessment_reasons")
    public String assessmentReasons;

    @Column(name = "assessed_by")
    public String assessedBy;

    @Column(name = "assessed_at")
    public Instant assessedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closure_reasons")
    public String closureReasons;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** Sets the priority from a tier and a score: the more urgent tier first, then the higher score. */
    public void prioritise(Tier newTier, BigDecimal newScore) {
        this.tier = newTier;
        this.tierRank = rankOf(newTier);
        this.score = newScore == null ? BigDecimal.ZERO : newScore;
    }

    /** Whether a classification of this tier and score is more urgent than the case's current one. */
    public boolean moreUrgent(Tier otherTier, BigDecimal otherScore) {
        int rank = rankOf(otherTier);
        BigDecimal other = otherScore == null ? BigDecimal.ZERO : otherScore;
        return rank < tierRank || (rank == tierRank && other.compareTo(score) > 0);
    }

    /** The score as the API shows it: without trailing zeros (0.87, not 0.870). */
    public BigDecimal displayScore() {
        return score == null ? null : score.stripTrailingZeros();
    }

    public static int rankOf(Tier tier) {
        return tier == null ? NO_TIER_RANK : tier.ordinal();
    }
}
