package eu.vigie.classify.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import eu.vigie.classify.DesignationList;
import eu.vigie.classify.repository.CategoryIndicatorRepository;
import eu.vigie.classify.repository.DesignatedEntityRepository;
import eu.vigie.common.vocabulary.Category;
import eu.vigie.common.vocabulary.Tier;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * What the text scan looks for, compiled once and shared by every scan: each alias and indicator phrase normalised
 * once, with what its hits say. The lexicon is tagged with the version in the {@code lexicon_version} row (migration
 * V8: the database gives it a new value with every change to the designations or indicators, in the change's own
 * transaction, whoever makes it); every scan reads that one row and compiles the lexicon again when the version
 * differs from its lexicon's. So a change is seen by the next scan on the replica that made it and on every other
 * replica, and an unchanged lexicon costs one query. The version is read before the data: a change committed while
 * compiling may or may not be in the lexicon, but its version is not, so the next scan compiles again.
 */
@ApplicationScoped
public class DesignationLexicon {

    private static final Logger LOG = Logger.getLogger(DesignationLexicon.class);

    /** A name of a designated entity, as the scan looks for it. */
    public record EntityTerm(String skeleton, boolean caseSensitive, boolean arabic, String alias, String language,
            String entity, Tier tier, String source, List<DesignationList> lists, String explanationStart) {
    }

    /** A category indicator phrase, as the scan looks for it. */
    public record IndicatorTerm(String skeleton, boolean arabic, String phrase, Category category, String language,
            String explanationStart) {
    }

    /**
     * The compiled lexicon of one version: the entity names by entity name, language and alias, then the indicator
     * phrases by category, language and phrase (the database's order, which keeps the scan's answers deterministic).
     */
    public record Lexicon(long version, List<EntityTerm> entityTerms, List<IndicatorTerm> indicatorTerms) {
    }

    private final EntityManager em;
    private final DesignatedEntityRepository entities;
    private final CategoryIndicatorRepository indicators;
    private volatile Lexicon current;

    public DesignationLexicon(EntityManager em, DesignatedEntityRepository entities,
            CategoryIndicatorRepository indicators) {
        this.em = em;
        this.entities = entities;
        this.indicators = indicators;
    }

    /** Compiles the lexicon at start-up, as the PDQ index is loaded, so that the first classification does not wait. */
    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(this::current);
    }

    /** The lexicon of the version committed now; compiled again first if that version is not the one held. */
    public Lexicon current() {
        Lexicon lexicon = current;
        if (lexicon != null && lexicon.version() == committedVersion()) {
            return lexicon;
        }
        return compile();
    }

    /** The version last committed to {@code lexicon_version}. */
    public long committedVersion() {
        return ((Number) em.createNativeQuery("SELECT version FROM lexicon_version").getSingleResult()).longValue();
    }

    /** One scan compiles at a time; those waiting take its lexicon when it is still current. */
    private synchronized Lexicon compile() {
        long started = System.nanoTime();
        long version = committedVersion();
        Lexicon held = current;
        if (held != null && held.version() == version) {
            return held;
        }
        Map<UUID, List<DesignationList>> listsByEntity = entities.listsByEntity();
        List<EntityTerm> entityTerms = new ArrayList<>();
        for (DesignatedEntityRepository.AliasRow row : entities.aliasRows()) {
            List<DesignationList> lists = List.copyOf(listsByEntity.getOrDefault(row.entityId(), List.of()));
            String explanationStart = "'" + row.alias() + "' is " + TextIndicatorScanner.article(row.language())
                    + " name of the designated entity " + row.entityName() + " ("
                    + TextIndicatorScanner.describe(row.tier()) + ", listed by " + row.source() + "; "
                    + TextIndicatorScanner.describe(lists) + "); found as '";
            entityTerms.add(new EntityTerm(
                    TextNormalizer.skeleton(TextNormalizer.normalizeTerm(row.alias(), !row.caseSensitive())),
                    row.caseSensitive(), "ar".equals(row.language()), row.alias(), row.language(), row.entityName(),
                    row.tier(), row.source(), lists, explanationStart));
        }
        List<IndicatorTerm> indicatorTerms = new ArrayList<>();
        for (CategoryIndicatorRepository.PhraseRow row : indicators.phraseRows()) {
            String explanationStart = "'" + row.phrase() + "' is " + TextIndicatorScanner.article(row.language())
                    + " indicator of " + row.category() + " (" + TextIndicatorScanner.meaningOf(row.category())
                    + "); found as '";
            indicatorTerms.add(new IndicatorTerm(TextNormalizer.skeleton(TextNormalizer.normalizeTerm(row.phrase(), true)),
                    "ar".equals(row.language()), row.phrase(), row.category(), row.language(), explanationStart));
        }
        Lexicon lexicon = new Lexicon(version, List.copyOf(entityTerms), List.copyOf(indicatorTerms));
        current = lexicon;
        LOG.infof("Text lexicon version %d compiled: %d entity names, %d indicator phrases in %d ms", version,
                entityTerms.size(), indicatorTerms.size(), (System.nanoTime() - started) / 1_000_000);
        return lexicon;
    }
}
