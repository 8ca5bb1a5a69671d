package eu.vigie.ingest.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import eu.vigie.ingest.Referral;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    /**
     * What a new referral needs to know of the earlier ones of the same content, read in one statement:
     * the earliest of the same canonical URL or the same bytes submitted by its own jurisdiction (its
     * {@code duplicateOf}), and the earliest of the same content key already taken into a case (for
     * deconfliction).
     */
    public record Precedents(UUID duplicateOf, InCase earliestInCase) {
    }

    /** The earliest referral of a content key already in a case: whose it is, and the case's owner if another jurisdiction's. */
    public record InCase(String jurisdiction, String agency, UUID caseId, String caseStatus, UUID deconflictionCaseId,
            String deconflictionJurisdiction, String deconflictionAgency, String deconflictionStatus) {
    }

    private final EntityManager em;

    public ReferralRepository(EntityManager em) {
        this.em = em;
    }

    /** {@link Precedents} of a new referral of this jurisdiction, in one round trip to the database. */
    public Precedents precedents(String canonicalUrl, String sha256, String jurisdiction) {
        String sameContent = sha256 == null ? "r.canonical_url = :url" : "(r.canonical_url = :url OR r.sha256 = :sha)";
        String contentKey = sha256 == null ? "c.sha256 IS NULL AND c.canonical_url = :url" : "c.sha256 = :sha";
        Query query = em.createNativeQuery("""
                SELECT d.id, c.jurisdiction, c.agency, c.case_id, c.case_status, c.deconfliction_case_id,
                       c.deconfliction_jurisdiction, c.deconfliction_agency, c.deconfliction_status
                FROM (SELECT 1) AS one
                LEFT JOIN LATERAL (SELECT r.id FROM referral r WHERE %s AND r.jurisdiction = :jurisdiction
                                   ORDER BY r.submitted_at, r.id LIMIT 1) d ON true
                LEFT JOIN LATERAL (SELECT c.jurisdiction, c.agency, c.case_id, c.case_status, c.deconfliction_case_id,
                                          c.deconfliction_jurisdiction, c.deconfliction_agency, c.deconfliction_status
                                   FROM referral c WHERE %s AND c.case_id IS NOT NULL
                                   ORDER BY c.submitted_at, c.id LIMIT 1) c ON true
                """.formatted(sameContent, contentKey))
                .setParameter("url", canonicalUrl)
                .setParameter("jurisdiction", jurisdiction);
        if (sha256 != null) {
            query.setParameter("sha", sha256);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Object[] row = rows.get(0);
        InCase inCase = row[3] == null ? null : new InCase((String) row[1], (String) row[2], uuid(row[3]), (String) row[4],
                uuid(row[5]), (String) row[6], (String) row[7], (String) row[8]);
        return new Precedents(uuid(row[0]), inCase);
    }

    private static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID u ? u : UUID.fromString(value.toString());
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
