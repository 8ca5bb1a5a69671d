package eu.vigie.classify.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Hibernate;

import eu.vigie.classify.CategoryIndicator;
import eu.vigie.classify.DesignatedEntity;
import eu.vigie.classify.DesignationList;
import eu.vigie.classify.EntityAlias;
import eu.vigie.classify.EntityListing;
import eu.vigie.classify.repository.CategoryIndicatorRepository;
import eu.vigie.classify.repository.DesignatedEntityRepository;
import eu.vigie.classify.rest.AliasRequest;
import eu.vigie.classify.rest.EntityRequest;
import eu.vigie.classify.rest.IndicatorRequest;
import eu.vigie.classify.rest.ListingRequest;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.vocabulary.Category;

/** The designated-entity list with its aliases and list memberships, and the category indicator phrases; every change audited. */
@ApplicationScoped
public class DesignationService {

    private final DesignatedEntityRepository entities;
    private final CategoryIndicatorRepository indicators;
    private final AuditTrail audit;
    private final EntityManager em;

    public DesignationService(DesignatedEntityRepository entities, CategoryIndicatorRepository indicators,
            AuditTrail audit, EntityManager em) {
        this.entities = entities;
        this.indicators = indicators;
        this.audit = audit;
        this.em = em;
    }

    /** Every entity, or only those on {@code list} when it is given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DesignatedEntity> listEntities(DesignationList list) {
        List<DesignatedEntity> found = list == null ? entities.listAllOrdered() : entities.listOnList(list);
        found.forEach(DesignationService::withNamesAndListings);
        return found;
    }

    /** The entity with its aliases and listings read. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DesignatedEntity getEntity(UUID id) {
        return withNamesAndListings(find(id));
    }

    private DesignatedEntity find(UUID id) {
        return entities.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Designated entity " + id));
    }

    /**
     * Reads the entity's lazy collections while its session is open, so that a view can be made of it after its
     * transaction ends (the first entity's read brings those of every entity of its query, one query per collection).
     */
    private static DesignatedEntity withNamesAndListings(DesignatedEntity entity) {
        Hibernate.initialize(entity.aliases);
        Hibernate.initialize(entity.listings);
        return entity;
    }

    /** Adds an entity; its name is one of its aliases (English unless listed otherwise). */
    @Transactional
    public DesignatedEntity createEntity(EntityRequest request, String actor) {
        String name = request.name().strip();
        if (entities.findByName(name).isPresent()) {
            throw ProblemException.conflict("A designated entity named " + name + " already exists");
        }
        DesignatedEntity entity = new DesignatedEntity();
        entity.id = UUID.randomUUID();
        entity.name = name;
        entity.tier = request.tier();
        entity.source = request.source().strip();
        entity.createdAt = Instant.now();
        entity.createdBy = actor;
        entities.persist(entity);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("name", entity.name);
        detail.put("tier", entity.tier);
        detail.put("source", entity.source);
        audit.record(actor, "ENTITY_ADDED", "DESIGNATED_ENTITY", entity.id.toString(), detail);
        List<AliasRequest> aliases = request.aliases() == null ? List.of() : request.aliases();
        if (aliases.stream().noneMatch(a -> a.alias().strip().equalsIgnoreCase(name))) {
            addAlias(entity, new AliasRequest(name, "en", false), actor, "name");
        }
        for (int i = 0; i < aliases.size(); i++) {
            addAlias(entity, aliases.get(i), actor, "aliases[" + i + "].alias");
        }
        List<ListingRequest> listings = request.listings() == null ? List.of() : request.listings();
        for (int i = 0; i < listings.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (listings.get(j).list() == listings.get(i).list()) {
                    throw ProblemException.invalidField("listings[" + i + "].list",
                            "names " + listings.get(i).list() + " again");
                }
            }
        }
        for (ListingRequest listing : listings) {
            addListing(entity, listing, actor);
        }
        return withNamesAndListings(entity);
    }

    /**
     * Puts an entity on a designation list. Refused with 409 if it is already on that list (remove the listing first to
     * change its name or reference), so two admins adding the same listing at once leave one row and one audit entry.
     */
    @Transactional
    public DesignatedEntity addListing(UUID entityId, ListingRequest request, String actor) {
        DesignatedEntity entity = find(entityId);
        addListing(entity, request, actor);
        return withNamesAndListings(entity);
    }

    private void addListing(DesignatedEntity entity, ListingRequest request, String actor) {
        String listedName = blankToNull(request.listedName());
        String reference = blankToNull(request.reference());
        int inserted = em.createNativeQuery("""
                INSERT INTO entity_listing (id, entity_id, designation_list, listed_name, reference, created_at, created_by)
                VALUES (:id, :entity, :list, :listedName, :reference, :now, :actor)
                ON CONFLICT (entity_id, designation_list) DO NOTHING
                """)
                .setParameter("id", UUID.randomUUID())
                .setParameter("entity", entity.id)
                .setParameter("list", request.list().name())
                .setParameter("listedName", listedName)
                .setParameter("reference", reference)
                .setParameter("now", Instant.now())
                .setParameter("actor", actor)
                .executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict(entity.name + " is already on " + request.list()
                    + "; remove that listing first to change its name or reference");
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("list", request.list());
        detail.put("listedName", listedName);
        detail.put("reference", reference);
        audit.record(actor, "LISTING_ADDED", "DESIGNATED_ENTITY", entity.id.toString(), detail);
        refreshListings(entity);
    }

    /** Takes an entity off a designation list; 404 if it is not on it. The audit entry keeps what the listing said. */
    @Transactional
    public DesignatedEntity removeListing(UUID entityId, DesignationList list, String actor) {
        DesignatedEntity entity = find(entityId);
        EntityListing listing = em
                .createQuery("select l from EntityListing l where l.entity = ?1 and l.list = ?2", EntityListing.class)
                .setParameter(1, entity).setParameter(2, list).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound(entity.name + " on " + list));
        // Deleted by id, counted: of two admins removing it at once, the second is told it is gone (404).
        int deleted = em.createQuery("delete from EntityListing l where l.id = ?1").setParameter(1, listing.id)
                .executeUpdate();
        if (deleted == 0) {
            throw ProblemException.notFound(entity.name + " on " + list);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("list", list);
        detail.put("listedName", listing.listedName);
        detail.put("reference", listing.reference);
        detail.put("listedAt", listing.createdAt.toString());
        detail.put("listedBy", listing.createdBy);
        audit.record(actor, "LISTING_REMOVED", "DESIGNATED_ENTITY", entity.id.toString(), detail);
        refreshListings(entity);
        return withNamesAndListings(entity);
    }

    /** The entity's listings as the database now holds them (they were changed by SQL, not through the collection). */
    private void refreshListings(DesignatedEntity entity) {
        em.flush();
        em.refresh(entity);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Transactional
    public DesignatedEntity addAlias(UUID entityId, AliasRequest request, String actor) {
        DesignatedEntity entity = find(entityId);
        addAlias(entity, request, actor, "alias");
        return withNamesAndListings(entity);
    }

    private void addAlias(DesignatedEntity entity, AliasRequest request, String actor, String field) {
        String alias = request.alias().strip();
        boolean caseSensitive = Boolean.TRUE.equals(request.caseSensitive());
        if (TextNormalizer.normalizeTerm(alias, !caseSensitive).isEmpty()) {
            throw ProblemException.invalidField(field, "must contain letters or digits");
        }
        boolean duplicate = entity.aliases.stream()
                .anyMatch(a -> a.alias.equalsIgnoreCase(alias) && a.language.equals(request.language()));
        if (duplicate) {
            throw ProblemException.conflict("Alias '" + alias + "' [" + request.language() + "] is already listed for "
                    + entity.name);
        }
        EntityAlias a = new EntityAlias();
        a.id = UUID.randomUUID();
        a.entity = entity;
        a.alias = alias;
        a.language = request.language();
        a.caseSensitive = caseSensitive;
        a.createdAt = Instant.now();
        a.createdBy = actor;
        a.persist();
        entity.aliases.add(a);
        audit.record(actor, "ALIAS_ADDED", "DESIGNATED_ENTITY", entity.id.toString(),
                Map.of("alias", a.alias, "language", a.language, "caseSensitive", a.caseSensitive));
    }

    public List<CategoryIndicator> listIndicators(Category category, String language) {
        return indicators.search(category, language);
    }

    @Transactional
    public CategoryIndicator addIndicator(IndicatorRequest request, String actor) {
        String phrase = request.phrase().strip();
        if (TextNormalizer.normalizeTerm(phrase, true).isEmpty()) {
            throw ProblemException.invalidField("phrase", "must contain letters or digits");
        }
        if (indicators.find(request.category(), phrase, request.language()).isPresent()) {
            throw ProblemException.conflict("Indicator '" + phrase + "' [" + request.language() + "] of "
                    + request.category() + " is already listed");
        }
        CategoryIndicator indicator = new CategoryIndicator();
        indicator.id = UUID.randomUUID();
        indicator.category = request.category();
        indicator.phrase = phrase;
        indicator.language = request.language();
        indicator.createdAt = Instant.now();
        indicator.createdBy = actor;
        indicators.persist(indicator);
        audit.record(actor, "INDICATOR_ADDED", "INDICATOR", indicator.id.toString(),
                Map.of("category", indicator.category, "phrase", indicator.phrase, "language", indicator.language));
        return indicator;
    }
}
