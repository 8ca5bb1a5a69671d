package eu.vigie.notify;

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

/** An Annex II or Annex III answer of a platform to a removal order addressed to it; never changed once stored. */
@Entity
@Table(name = "feedback")
public class Feedback extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "notification_id")
    public UUID notificationId;

    @Column(name = "removal_order_id")
    public UUID removalOrderId;

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
    public Boolean clarificationRequested;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** SHA-256 of the request as received, to tell a replay from a different body under the same key. */
    @Column(name = "request_hash")
    public String requestHash;
}
