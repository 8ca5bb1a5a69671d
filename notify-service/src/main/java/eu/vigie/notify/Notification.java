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
 * Something a neighbour asked notify-service to deliver to a platform (a removal order, a referral,
 * a pre-notice...) or to an authority (a cross-border copy, a breach notice). Its id is the sender's, so a replayed request finds it. Its first receipt, by
 * whichever channel, is the authenticated record of receipt.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public NotificationKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_type")
    public RecipientType recipientType;

    /** The platform id (PLATFORM) or the ISO 3166-1 code of the authority's jurisdiction (AUTHORITY). */
    public String recipient;

    /** The platform addressed, or null for an authority. */
    @Column(name = "platform_id")
    public String platformId;

    /** For an authority: the platform the notice is about, as the sender named it in {@code platformId}. */
    @Column(name = "platform_concerned")
    public String platformConcerned;

    @Column(name = "subject_type")
    public String subjectType;

    @Column(name = "subject_id")
    public UUID subjectId;

    public String jurisdiction;

    /** The JSON the platform must see, exactly as the sender gave it. */
    public String payload;

    @Enumerated(EnumType.STRING)
    public NotificationStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The first receipt (webhook 2xx or inbox acknowledgement): the first wins. */
    @Column(name = "received_at")
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "receipt_channel")
    public DeliveryChannel receiptChannel;

    @Version
    public long version;

    /** Whether case-service is told about this notification's sending and receipt (it starts the one-hour clock). */
    public boolean tracksRemovalOrder() {
        return kind == NotificationKind.REMOVAL_ORDER && "REMOVAL_ORDER".equals(subjectType);
    }
}
