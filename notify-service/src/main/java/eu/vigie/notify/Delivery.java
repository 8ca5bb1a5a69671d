package eu.vigie.notify;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The delivery of one notification by one channel: where it went, when it was sent and received.
 * With its attempts, the proof of delivery.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "notification_id")
    public UUID notificationId;

    @Enumerated(EnumType.STRING)
    public DeliveryChannel channel;

    /** The webhook URL last attempted, {@code mailto:<address>}, or {@code inbox:<platform id>}. */
    public String target;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    /** First attempt of a webhook that reached the network; first e-mail accepted by the mail server; placement of an inbox item. */
    @Column(name = "sent_at")
    public Instant sentAt;

    /** The first 2xx of the webhook, or the first acknowledgement of the inbox item. */
    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "dead_at")
    public Instant deadAt;

    /** What the record must say beside its times (for e-mail: that it is not a receipt). */
    public String note;

    /** EMAIL: the Message-ID every copy of this notification's e-mail carries. */
    @Column(name = "message_id")
    public String messageId;

    @Version
    public long version;
}
