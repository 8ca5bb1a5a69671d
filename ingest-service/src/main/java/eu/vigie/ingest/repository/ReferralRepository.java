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

    /** The earliest referral of a content key ({@code sha256:<hex>} or {@code url:<canonical URL>}) already in a case. */
    public Optional<Referral> earliestInCase(String contentKey) {
        return find(contentQuery(contentKey) + " and caseId is not null order by submittedAt, id", contentValue(contentKey))
                .firstResultOptional();
    }

    /** The earliest referral of a content key submitted by a jurisdiction: its case's first referral. */
    public Optional<Referral> earliestOfContentIn(String contentKey, String jurisdiction) {
        return find(contentQuery(contentKey) + " and jurisdiction = ?2 order by submittedAt, id", contentValue(contentKey),
                jurisdiction).firstResultOptional();
    }

    private static String contentQuery(String contentKey) {
        return contentKey.startsWith("sha256:") ? "sha256 = ?1" : "sha256 is null and canonicalUrl = ?1";
    }

    private static String contentValue(String contentKey) {
        return contentKey.substring(contentKey.indexOf(':') + 1);
    }

    /** Whether a jurisdiction has itself submitted these bytes. */
    public boolean submittedBy(String sha256, String jurisdiction) {
        return count("sha256 = ?1 and jurisdiction = ?2", sha256, jurisdiction) > 0;
    }
}
