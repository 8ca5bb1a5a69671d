package eu.vigie.notify;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A notification waiting in its platform's pull inbox; every notification has one. */
@Entity
@Table(name = "inbox_item")
public class InboxItem extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Order of arrival, the inbox's pagination key. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "notification_id")
    public UUID notificationId;

    @Column(name = "platform_id")
    public String platformId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Version
    public long version;
}
