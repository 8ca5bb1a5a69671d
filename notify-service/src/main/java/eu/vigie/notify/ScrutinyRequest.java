package eu.vigie.notify;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A platform's request that the authority of its home state scrutinise a cross-border removal order
 * addressed to it (Art. 4(7) TCO), made within 48 hours of the order's notification; never changed
 * once stored.
 */
@Entity
@Table(name = "scrutiny_request")
public class ScrutinyRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "notification_id")
    public UUID notificationId;

    @Column(name = "removal_order_id")
    public UUID removalOrderId;

    @Column(name = "platform_id")
    public String platformId;

    public String reasons;

    @Column(name = "requested_at")
    public Instant requestedAt;
}
