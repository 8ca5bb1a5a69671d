package eu.vigie.cases.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.cases.Referral;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    public List<Referral> ofCase(UUID caseId) {
        return list("caseId = ?1 order by receivedAt, id", caseId);
    }

    /** Whether a jurisdiction referred the content of this case (and so may learn that the case exists). */
    public boolean jurisdictionReferred(UUID caseId, String jurisdiction) {
        return count("caseId = ?1 and jurisdiction = ?2", caseId, jurisdiction) > 0;
    }
}
