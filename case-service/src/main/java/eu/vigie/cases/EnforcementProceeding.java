package eu.vigie.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import eu.vigie.common.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An enforcement proceeding of a regulator against a platform, with the evidence pack frozen at
 * opening ({@code evidencePack}, canonical JSON, and its SHA-256 {@code evidenceHash}), and the
 * decision. Its status changes only through {@link #moveTo}; optimistic locking guards concurrent acts.
 */
@Entity
@Table(name = "enforcement_proceeding")
public class EnforcementProceeding extends PanacheEntityBase {

    @Id
    public UUID id;

    public String jurisdiction;

    @Column(name = "platform_id")
    public String platformId;

    public String grounds;

    @Enumerated(EnumType.STRING)
    public EnforcementStatus status;

    @Column(name = "opened_by")
    public String openedBy;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "evidence_pack")
    public String evidencePack;

    @Column(name = "evidence_hash")
    public String evidenceHash;

    @Column(name = "orders_in_pack")
    public int ordersInPack;

    @Column(name = "breaches_12_months")
    public long breaches12Months;

    @Enumerated(EnumType.STRING)
    @Column(name = "decision_outcome")
    public EnforcementOutcome decisionOutcome;

    @Column(name = "decision_amount", precision = 19, scale = 2)
    public BigDecimal decisionAmount;

    @Column(name = "decision_currency")
    public String decisionCurrency;

    @Enumerated(EnumType.STRING)
    @Column(name = "decision_legal_basis")
    public PenaltyLegalBasis decisionLegalBasis;

    @Column(name = "decision_reasons")
    public String decisionReasons;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** Moves the proceeding to {@code target} if the state machine allows it; 409 otherwise. */
    public EnforcementStatus moveTo(EnforcementStatus target, Instant at) {
        if (status == null || !status.canMoveTo(target)) {
            throw ProblemException.conflict("Enforcement proceeding " + id + " is " + status + " and cannot become "
                    + target);
        }
        EnforcementStatus previous = status;
        status = target;
        updatedAt = at;
        return previous;
    }
}
