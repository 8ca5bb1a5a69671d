package eu.vigie.cases.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import eu.vigie.cases.CaseFile;
import eu.vigie.cases.CaseStatus;
import eu.vigie.common.vocabulary.Tier;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<CaseFile, UUID> {

    /** The open (not closed) case of a content key: where a new referral of that content attaches. */
    public Optional<CaseFile> findOpenByContentKey(String contentKey) {
        return find("contentKey = ?1 and closedAt is null", contentKey).firstResultOptional();
    }

    public Optional<CaseFile> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Takes a transaction-scoped PostgreSQL advisory lock on a key, so that intakes of one content run one at a time. */
    public void lockKey(String key) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 7))")
                .setParameter("key", key).getSingleResult();
    }

    /**
     * One page of cases, newest first, keyset-paginated on (createdAt, id).
     *
     * @param jurisdiction the owning jurisdiction, or null for every jurisdiction (auditors)
     */
    public List<CaseFile> page(String jurisdiction, CaseStatus status, Tier tier, Instant afterCreatedAt,
            UUID afterId, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (jurisdiction != null) {
            where.add("ownerJurisdiction = :jurisdiction");
            params.put("jurisdiction", jurisdiction);
        }
        if (status != null) {
            where.add("status = :status");
            params.put("status", status);
        }
        if (tier != null) {
            where.add("tier = :tier");
            params.put("tier", tier);
        }
        if (afterCreatedAt != null) {
            where.add("(createdAt < :after or (createdAt = :after and id < :afterId))");
            params.put("after", afterCreatedAt);
            params.put("afterId", afterId);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by createdAt desc, id desc";
        return find(query, params).page(0, limit).list();
    }

    /** The review queue of a jurisdiction: tier urgency, then score (highest first), then age (oldest first). */
    public List<CaseFile> reviewQueue(String jurisdiction, int limit) {
        return find("ownerJurisdiction = :jurisdiction and status in :statuses "
                + "order by tierRank asc, score desc, createdAt asc, id asc",
                Parameters.with("jurisdiction", jurisdiction).and("statuses", CaseStatus.AWAITING_REVIEW))
                .page(0, limit).list();
    }
}
