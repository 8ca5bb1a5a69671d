package eu.vigie.classify;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A reviewer's assessment, sent by case-service, that content matching a signal was not terrorist content: the signal
 * may be wrong and a curator should look at it. A flag never disables its signal; a curator clears it.
 */
@Entity
@Table(name = "curation_flag")
public class CurationFlag extends PanacheEntityBase {

    /** Chosen by case-service; a second delivery of the same flag creates nothing. */
    @Id
    @Column(name = "flag_id")
    public UUID flagId;

    @Column(name = "signal_id")
    public UUID signalId;

    @Column(name = "bank_name")
    public String bankName;

    @Column(name = "case_id")
    public UUID caseId;

    public String reason;

    @Column(name = "flagged_at")
    public Instant flaggedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "received_by")
    public String receivedBy;

    /** Null while the flag is open. */
    @Column(name = "cleared_at")
    public Instant clearedAt;

    @Column(name = "cleared_by")
    public String clearedBy;

    @Column(name = "clear_note")
    public String clearNote;

    @Version
    public long version;

    public boolean open() {
        return clearedAt == null;
    }
}
