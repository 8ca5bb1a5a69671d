package eu.vigie.cases.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.cases.CaseShare;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CaseShareRepository implements PanacheRepositoryBase<CaseShare, UUID> {

    /** Every share of a case, active and revoked, oldest first. */
    public List<CaseShare> ofCase(UUID caseId) {
        return list("caseId = ?1 order by sharedAt, id", caseId);
    }

    public Optional<CaseShare> active(UUID caseId, String jurisdiction) {
        return find("caseId = ?1 and jurisdiction = ?2 and revokedAt is null", caseId, jurisdiction)
                .firstResultOptional();
    }

    public boolean isShared(UUID caseId, String jurisdiction) {
        return count("caseId = ?1 and jurisdiction = ?2 and revokedAt is null", caseId, jurisdiction) > 0;
    }
}
