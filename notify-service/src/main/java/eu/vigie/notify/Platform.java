package eu.vigie.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A hosting service provider in the registry: who it is, where it is established, how to reach it. */
@Entity
@Table(name = "platform")
public class Platform extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "platform_hostname", joinColumns = @JoinColumn(name = "platform_id"))
    @Column(name = "hostname")
    public Set<String> hostnames = new LinkedHashSet<>();

    /** Short-link forms on the platform's hostnames, in the order given (ARCHITECTURE "Platform short links"). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "platform_short_link", joinColumns = @JoinColumn(name = "platform_id"))
    @OrderColumn(name = "position")
    public List<ShortLink> shortLinks = new ArrayList<>();

    @Column(name = "home_jurisdiction")
    public String homeJurisdiction;

    @Column(name = "legal_representative")
    public String legalRepresentative;

    public String email;

    @Column(name = "webhook_url")
    public String webhookUrl;

    /**
     * The Standard Webhooks signing secret ({@code whsec_...}), encrypted at rest with AES-GCM; never
     * returned by the API.
     */
    @Column(name = "webhook_secret")
    public String webhookSecret;

    /** The secret replaced by the last rotation, encrypted; it still signs until {@link #webhookPreviousSecretUntil}. */
    @Column(name = "webhook_previous_secret")
    public String webhookPreviousSecret;

    @Column(name = "webhook_previous_secret_until")
    public Instant webhookPreviousSecretUntil;

    /** Comma-separated ISO 639-1 codes of the languages the contact point accepts. */
    public String languages = "";

    @Column(name = "has_received_order")
    public boolean hasReceivedOrder;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
