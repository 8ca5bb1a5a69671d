package eu.vigie.classify.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.classify.AuditEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class AuditEntryRepository implements PanacheRepositoryBase<AuditEntry, java.util.UUID> {

    /** Entries in the order they were written, optionally about one subject type and id. */
    public List<AuditEntry> search(String subjectType, String subjectId, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (subjectType != null) {
            query.append(" and subjectType = :type");
            params.and("type", subjectType);
        }
        if (subjectId != null) {
            query.append(" and subjectId = :id");
            params.and("id", subjectId);
        }
        query.append(" order by seq");
        return find(query.toString(), params).page(0, limit).list();
    }
}
