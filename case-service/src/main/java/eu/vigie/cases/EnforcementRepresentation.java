package eu.vigie.cases;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A platform's representations in an enforcement proceeding, as the regulator recorded them. */
@Entity
@Table(name = "enforcement_representation")
public class EnforcementRepresentation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "proceeding_id")
    public UUID proceedingId;

    @Column(name = "received_at")
    public Instant receivedAt;

    public String summary;

    @Column(name = "document_reference")
    public String documentReference;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
