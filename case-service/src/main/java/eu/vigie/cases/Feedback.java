package eu.vigie.cases;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import eu.vigie.common.vocabulary.AnnexIIAction;
import eu.vigie.common.vocabulary.AnnexIIIReason;
import eu.vigie.common.vocabulary.FeedbackForm;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A provider's Annex II or Annex III answer to an order, relayed by notify-service; its id is the
 * feedbackId. Kept even when it cannot be applied yet (before receipt), and applied on receipt.
 */
@Entity
@Table(name = "order_feedback")
public class Feedback extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "platform_id")
    public String platformId;

    @Enumerated(EnumType.STRING)
    public FeedbackForm form;

    @Enumerated(EnumType.STRING)
    public AnnexIIAction action;

    @Column(name = "action_at")
    public Instant actionAt;

    public String reference;

    @Enumerated(EnumType.STRING)
    public AnnexIIIReason reason;

    public String explanation;

    @Column(name = "clarification_requested")
    public String clarificationRequested;

    /** When the provider's form reached notify-service. */
    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** When it changed the order; null while it waits for the order's receipt, or if it changed nothing. */
    @Column(name = "applied_at")
    public Instant appliedAt;

    /** What it did to the order, in words. */
    public String outcome;
}
