package eu.vigie.cases;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A delivery event reported by notify-service (authenticated sending or receipt); its id is the eventId. */
@Entity
@Table(name = "delivery_event")
public class DeliveryEvent extends PanacheEntityBase {

    public enum Type {
        SENT,
        RECEIVED
    }

    public enum Channel {
        WEBHOOK,
        EMAIL,
        INBOX
    }

    @Id
    public UUID id;

    @Column(name = "order_id")
    public UUID orderId;

    @Enumerated(EnumType.STRING)
    public Type type;

    public Instant at;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Column(name = "notification_id")
    public UUID notificationId;

    @Column(name = "delivery_id")
    public UUID deliveryId;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
