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
     * What a new referral needs to know of the earlier ones of the same content, read in one statement: the earliest
     * of the same canonical URL or the same bytes submitted by its own jurisdiction (its {@code duplicateOf}); the
     * group it joins, named by {@code groupContentKey} (the group of the earliest referral of the same canonical URL
     * or the same bytes, from any jurisdiction; null when there is none, and the new referral starts a group); and the
     * earliest referral of that group already taken into a case (for deconfliction).
     */
    public record Precedents(UUID duplicateOf, String groupContentKey, InCase earliestInCase) {
    }

    /** The earliest referral of a content group already in a case: whose it is, and the case's owner if another jurisdiction's. */
    public record InCase(String jurisdiction, String agency, UUID caseId, String caseStatus, UUID deconflictionCaseId,
            String deconflictionJurisdiction, String deconflictionAgency, String deconflictionStatus) {
    }

    private final EntityManager em;

    public ReferralRepository(EntityManager em) {
        this.em = em;
    }

    /** {@link Precedents} of a new referral of this jurisdiction, in one round trip to the database. */
    public Precedents precedents(String canonicalUrl, String sha256, String jurisdiction) {
        String ownKey = sha256 != null ? "sha256:" + sha256 : "url:" + canonicalUrl;
        String sameContent = sha256 == null ? "%1$s.canonical_url = :url"
                : "(%1$s.canonical_url = :url OR %1$s.sha256 = :sha)";
        Query query = em.createNativeQuery("""
                SELECT d.id, g.group_content_key, c.jurisdiction, c.agency, c.case_id, c.case_status,
                       c.deconfliction_case_id, c.deconfliction_jurisdiction, c.deconfliction_agency,
                       c.deconfliction_status
                FROM (SELECT 1) AS one
                LEFT JOIN LATERAL (SELECT r.id FROM referral r WHERE %s AND r.jurisdiction = :jurisdiction
                                   ORDER BY r.submitted_at, r.id LIMIT 1) d ON true
                LEFT JOIN LATERAL (SELECT e.group_content_key FROM referral e WHERE %s
                                   ORDER BY e.submitted_at, e.id LIMIT 1) g ON true
                LEFT JOIN LATERAL (SELECT c.jurisdiction, c.agency, c.case_id, c.case_status, c.deconfliction_case_id,
                                          c.deconfliction_jurisdiction, c.deconfliction_agency, c.deconfliction_status
                                   FROM referral c
                                   WHERE c.group_content_key = COALESCE(g.group_content_key, :ownKey)
                                     AND c.case_id IS NOT NULL
                                   ORDER BY c.submitted_at, c.id LIMIT 1) c ON true
                """.formatted(sameContent.formatted("r"), sameContent.formatted("e")))
                .setParameter("url", canonicalUrl)
                .setParameter("jurisdiction", jurisdiction)
                .setParameter("ownKey", ownKey);
        if (sha256 != null) {
            query.setParameter("sha", sha256);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Object[] row = rows.get(0);
        InCase inCase = row[4] == null ? null : new InCase((String) row[2], (String) row[3], uuid(row[4]),
                (String) row[5], uuid(row[6]), (String) row[7], (String) row[8], (String) row[9]);
        return new Precedents(uuid(row[0]), (String) row[1], inCase);
    }

    private static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    /** The earliest referral of a content group submitted by a jurisdiction: its case's first referral there. */
    public Optional<Referral> earliestOfGroupIn(String groupContentKey, String jurisdiction) {
        return find("groupContentKey = ?1 and jurisdiction = ?2 order by submittedAt, id", groupContentKey,
                jurisdiction).firstResultOptional();
    }

    /** Whether a jurisdiction has itself submitted these bytes. */
    public boolean submittedBy(String sha256, String jurisdiction) {
        return count("sha256 = ?1 and jurisdiction = ?2", sha256, jurisdiction) > 0;
    }
}
