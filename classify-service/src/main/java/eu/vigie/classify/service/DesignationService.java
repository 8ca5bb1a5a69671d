package eu.vigie.classify.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.vigie.classify.CategoryIndicator;
import eu.vigie.classify.DesignatedEntity;
import eu.vigie.classify.EntityAlias;
import eu.vigie.classify.repository.CategoryIndicatorRepository;
import eu.vigie.classify.repository.DesignatedEntityRepository;
import eu.vigie.classify.rest.AliasRequest;
import eu.vigie.classify.rest.EntityRequest;
import eu.vigie.classify.rest.IndicatorRequest;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.vocabulary.Category;

/** The designated-entity list with its aliases, and the category indicator phrases; every change audited. */
@ApplicationScoped
public class DesignationService {

    private final DesignatedEntityRepository entities;
    private final CategoryIndicatorRepository indicators;
    private final AuditTrail audit;

    public DesignationService(DesignatedEntityRepository entities, CategoryIndicatorRepository indicators,
            AuditTrail audit) {
        this.entities = entities;
        this.indicators = indicators;
        this.audit = audit;
    }

    public List<DesignatedEntity> listEntities() {
        return entities.listAllOrdered();
    }

    public DesignatedEntity getEntity(UUID id) {
        return entities.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Designated entity " + id));
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
        return entity;
    }

    @Transactional
    public DesignatedEntity addAlias(UUID entityId, AliasRequest request, String actor) {
        DesignatedEntity entity = getEntity(entityId);
        addAlias(entity, request, actor, "alias");
        return entity;
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
