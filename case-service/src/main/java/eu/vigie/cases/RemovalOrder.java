package eu.vigie.cases;

import java.time.Duration;
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

import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.vocabulary.AnnexIIAction;
import eu.vigie.common.vocabulary.AnnexIIIReason;
import eu.vigie.common.vocabulary.Category;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A removal order with every field of Annex I of Regulation (EU) 2021/784, its signature, and the
 * times that prove its life: issued, sent, received, deadline (receipt + 1 h, moved by suspensions),
 * complied. Its status only changes through {@link #moveTo}.
 */
@Entity
@Table(name = "removal_order")
public class RemovalOrder extends PanacheEntityBase {

    /**
     * The legal deadline: one hour from receipt (Art. 3(3)). The deadline applied is
     * {@code vigie.case.compliance-period}, which defaults to this (see {@code CompliancePeriodCheck}).
     */
    public static final Duration LEGAL_DEADLINE = Duration.ofHours(1);

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "reference_number")
    public String referenceNumber;

    @Column(name = "issuing_jurisdiction")
    public String issuingJurisdiction;

    @Column(name = "file_number")
    public String fileNumber;

    @Column(name = "authority_type")
    public String authorityType;

    @Column(name = "authority_name")
    public String authorityName;

    @Column(name = "authority_officer")
    public String authorityOfficer;

    @Column(name = "authority_contact")
    public String authorityContact;

    @Column(name = "issued_by")
    public String issuedBy;

    @Column(name = "platform_id")
    public String platformId;

    @Column(name = "platform_home_jurisdiction")
    public String platformHomeJurisdiction;

    /** The exact URLs, as a JSON array. */
    public String urls;

    @Column(name = "content_locator")
    public String contentLocator;

    @Convert(converter = CategoriesConverter.class)
    public Set<Category> categories = EnumSet.noneOf(Category.class);

    public String reasons;

    /** Art. 11(3): do not inform the content provider (public security). */
    @Column(name = "do_not_inform")
    public boolean doNotInform;

    /** A duly justified emergency: no 12-hour pre-notice (Art. 3(2)). */
    public boolean emergency;

    @Column(name = "emergency_reasons")
    public String emergencyReasons;

    /** Whether the provider is established in another state; null while its home state is unknown. */
    @Column(name = "cross_border")
    public Boolean crossBorder;

    @Column(name = "home_authority_copied")
    public boolean homeAuthorityCopied;

    @Column(name = "redress_body")
    public String redressBody;

    @Column(name = "redress_deadline")
    public String redressDeadline;

    @Column(name = "redress_legal_reference")
    public String redressLegalReference;

    @Column(name = "signature_algorithm")
    public String signatureAlgorithm;

    /** Hex SHA-256 over the canonical JSON of the Annex I fields. */
    public String signature;

    @Enumerated(EnumType.STRING)
    public RemovalOrderStatus status;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "deadline_at")
    public Instant deadlineAt;

    @Column(name = "complied_at")
    public Instant compliedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "complied_action")
    public AnnexIIAction compliedAction;

    @Column(name = "suspended_at")
    public Instant suspendedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "suspension_reason")
    public AnnexIIIReason suspensionReason;

    @Column(name = "suspension_explanation")
    public String suspensionExplanation;

    /** While suspended: the seconds of the hour that were left when the clock stopped. */
    @Column(name = "remaining_seconds")
    public Long remainingSeconds;

    @Column(name = "overdue_at")
    public Instant overdueAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawal_reasons")
    public String withdrawalReasons;

    /** While PENDING_PRE_NOTICE: when the 12 hours of the pre-notice end and the order is released. */
    @Column(name = "pre_notice_until")
    public Instant preNoticeUntil;

    /** When the order left for the provider (at issue, or at the end of the pre-notice). */
    @Column(name = "released_at")
    public Instant releasedAt;

    /** The home authority's scrutiny (Art. 4(4)): UPHELD or REVOKED, with reasons. */
    @Enumerated(EnumType.STRING)
    @Column(name = "scrutiny_decision")
    public ScrutinyDecision scrutinyDecision;

    @Column(name = "scrutiny_reasons")
    public String scrutinyReasons;

    @Column(name = "scrutinised_at")
    public Instant scrutinisedAt;

    @Column(name = "scrutinised_by")
    public String scrutinisedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /**
     * The one place an order's status changes: refuses (409) any transition the law does not allow
     * and returns the status it left.
     */
    public RemovalOrderStatus moveTo(RemovalOrderStatus target, Instant at) {
        if (status == null || !status.canMoveTo(target)) {
            throw ProblemException.conflict("Removal order " + referenceNumber + " is " + status
                    + " and cannot become " + target);
        }
        RemovalOrderStatus previous = status;
        status = target;
        updatedAt = at;
        return previous;
    }

    /** Whether moving to {@code target} is legal now. */
    public boolean canMoveTo(RemovalOrderStatus target) {
        return status != null && status.canMoveTo(target);
    }
}
