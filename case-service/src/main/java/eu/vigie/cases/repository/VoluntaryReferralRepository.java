package eu.vigie.cases.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.cases.VoluntaryReferral;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class VoluntaryReferralRepository implements PanacheRepositoryBase<VoluntaryReferral, UUID> {

    public List<VoluntaryReferral> ofCase(UUID caseId) {
        return list("caseId = ?1 order by issuedAt, id", caseId);
    }
}
