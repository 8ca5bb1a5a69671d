package eu.vigie.classify.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.classify.DesignatedEntity;
import eu.vigie.classify.EntityAlias;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DesignatedEntityRepository implements PanacheRepositoryBase<DesignatedEntity, UUID> {

    public List<DesignatedEntity> listAllOrdered() {
        return list("select distinct e from DesignatedEntity e left join fetch e.aliases order by e.name");
    }

    public Optional<DesignatedEntity> findByName(String name) {
        return find("lower(name) = lower(?1)", name).firstResultOptional();
    }

    /** Every alias with its entity, in a stable order. */
    public List<EntityAlias> allAliases() {
        return getEntityManager()
                .createQuery("select a from EntityAlias a join fetch a.entity e order by e.name, a.language, a.alias",
                        EntityAlias.class)
                .getResultList();
    }
}
