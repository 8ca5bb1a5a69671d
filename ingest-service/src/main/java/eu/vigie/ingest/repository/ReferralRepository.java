package eu.vigie.ingest.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.ingest.Referral;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    /** The earliest referral of the same canonical URL or the same content bytes, if any. */
    public Optional<Referral> earliestOfSameContent(String canonicalUrl, String sha256) {
        if (sha256 == null) {
            return find("canonicalUrl = ?1 order by submittedAt, id", canonicalUrl).firstResultOptional();
        }
        return find("canonicalUrl = ?1 or sha256 = ?2 order by submittedAt, id", canonicalUrl, sha256)
                .firstResultOptional();
    }

    /** Whether a jurisdiction has itself submitted these bytes. */
    public boolean submittedBy(String sha256, String jurisdiction) {
        return count("sha256 = ?1 and jurisdiction = ?2", sha256, jurisdiction) > 0;
    }
}
