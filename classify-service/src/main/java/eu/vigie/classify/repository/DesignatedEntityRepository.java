package eu.vigie.classify.repository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.classify.DesignatedEntity;
import eu.vigie.classify.DesignationList;
import eu.vigie.common.vocabulary.Tier;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DesignatedEntityRepository implements PanacheRepositoryBase<DesignatedEntity, UUID> {

    /** Every entity with its aliases, by name (its listings are read for all of them at once when first used). */
    public List<DesignatedEntity> listAllOrdered() {
        return list("select distinct e from DesignatedEntity e left join fetch e.aliases order by e.name");
    }

    /** The entities on one designation list, with their aliases, by name. */
    public List<DesignatedEntity> listOnList(DesignationList list) {
        return list("select distinct e from DesignatedEntity e left join fetch e.aliases where exists "
                + "(select 1 from EntityListing l where l.entity = e and l.list = ?1) order by e.name", list);
    }

    /** The lists of every entity that is on one, each entity's in the enum's order. */
    public Map<UUID, List<DesignationList>> listsByEntity() {
        Map<UUID, List<DesignationList>> lists = new HashMap<>();
        for (Object[] row : getEntityManager()
                .createQuery("select l.entity.id, l.list from EntityListing l", Object[].class).getResultList()) {
            lists.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((DesignationList) row[1]);
        }
        lists.values().forEach(Collections::sort);
        return lists;
    }

    public Optional<DesignatedEntity> findByName(String name) {
        return find("lower(name) = lower(?1)", name).firstResultOptional();
    }

    /** An alias with what the text scan says of its entity. */
    public record AliasRow(String alias, String language, boolean caseSensitive, UUID entityId, String entityName,
            Tier tier, String source) {
    }

    /** Every alias with its entity's name, tier and source, by entity name, language and alias; nothing is managed. */
    public List<AliasRow> aliasRows() {
        List<AliasRow> rows = new ArrayList<>();
        for (Object[] row : getEntityManager().createQuery("select a.alias, a.language, a.caseSensitive, e.id, e.name,"
                + " e.tier, e.source from EntityAlias a join a.entity e order by e.name, a.language, a.alias",
                Object[].class).getResultList()) {
            rows.add(new AliasRow((String) row[0], (String) row[1], (Boolean) row[2], (UUID) row[3], (String) row[4],
                    (Tier) row[5], (String) row[6]));
        }
        return rows;
    }
}
