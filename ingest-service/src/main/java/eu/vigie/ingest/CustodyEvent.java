package eu.vigie.ingest;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One link of a piece of evidence's chain of custody: who (subject, tenant, jurisdiction, agency,
 * token id) did what to it, and when. Append-only: the table ignores updates and deletes.
 */
@Entity
@Table(name = "custody_event")
public class CustodyEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    public String sha256;

    /** The referral the bytes were submitted with; null for reads. */
    @Column(name = "referral_id")
    public UUID referralId;

    @Enumerated(EnumType.STRING)
    public CustodyAction action;

    /** {@code tenant:username}, as {@code Caller.subject()} names it; {@code system} for the scheduled purge. */
    public String actor;

    public String tenant;

    public String jurisdiction;

    public String agency;

    /** The {@code jti} of the access token used. */
    @Column(name = "token_id")
    public String tokenId;

    /** What the action was about, in words (a legal hold's reasons, the purge's ground); null for submissions and reads. */
    public String detail;

    public Instant at;
}
