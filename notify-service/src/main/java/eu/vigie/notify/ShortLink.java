package eu.vigie.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A platform's short-link form: on {@link #host} (one of the platform's hostnames), a path matching
 * {@link #pattern} is the content whose long URL is {@link #canonical} with {@code {1}}..{@code {9}}
 * replaced by the pattern's groups. ingest-service applies it after canonicalising a URL.
 */
@Embeddable
public class ShortLink {

    @Column(name = "host")
    public String host;

    @Column(name = "pattern")
    public String pattern;

    @Column(name = "canonical")
    public String canonical;

    public ShortLink() {
    }

    public ShortLink(String host, String pattern, String canonical) {
        this.host = host;
        this.pattern = pattern;
        this.canonical = canonical;
    }
}
