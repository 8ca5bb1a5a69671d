package eu.vigie.cases;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A provider's request that the home authority scrutinise a cross-border order (Art. 4(3)); its id is the requestId. */
@Entity
@Table(name = "scrutiny_request")
public class ScrutinyRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "platform_id")
    public String platformId;

    public String reasons;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
