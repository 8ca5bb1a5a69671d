package eu.vigie.classify.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.vigie.classify.CategoryIndicator;
import eu.vigie.classify.DesignationList;
import eu.vigie.classify.EntityAlias;
import eu.vigie.classify.IndicatorKind;
import eu.vigie.classify.repository.CategoryIndicatorRepository;
import eu.vigie.classify.repository.DesignatedEntityRepository;
import eu.vigie.classify.rest.TextIndicator;
import eu.vigie.common.vocabulary.Category;
import eu.vigie.common.vocabulary.Tier;

/**
 * Finds designated entities' names and category indicator phrases in a text, whole words only,
 * after {@link TextNormalizer normalisation}, and explains every hit. Arabic names also match
 * after the one-letter proclitics (و ف ب ل ك) that are written joined to the next word.
 */
@ApplicationScoped
public class TextIndicatorScanner {

    /** A hit, with the designation tier of its entity (for DESIGNATED_ENTITY hits). */
    public record Hit(TextIndicator indicator, Tier entityTier) {
    }

    private static final String ARABIC_PROCLITICS = "\u0648\u0641\u0628\u0644\u0643";

    private static final Map<Category, String> CATEGORY_MEANING = Map.of(
            Category.INCITEMENT, "Art. 2(7)(a): incites terrorist offences, including by glorifying them",
            Category.SOLICITATION, "Art. 2(7)(b): solicits someone to commit or contribute to a terrorist offence",
            Category.GROUP_PARTICIPATION, "Art. 2(7)(c): solicits participation in the activities of a terrorist group",
            Category.INSTRUCTION, "Art. 2(7)(d): instructs on making or using explosives, firearms, other weapons or hazardous substances",
            Category.THREAT, "Art. 2(7)(e): threatens to commit a terrorist offence");

    private static final Map<String, String> LANGUAGES = Map.of("en", "English", "fr", "French", "ar", "Arabic");

    private final DesignatedEntityRepository entities;
    private final CategoryIndicatorRepository indicators;

    public TextIndicatorScanner(DesignatedEntityRepository entities, CategoryIndicatorRepository indicators) {
        this.entities = entities;
        this.indicators = indicators;
    }

    public static String meaningOf(Category category) {
        return CATEGORY_MEANING.get(category);
    }

    /** Every hit in the text, ordered by position; of two hits of the same entity or category, one inside the other, only the outer is kept. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Hit> scan(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        TextNormalizer.Normalized folded = TextNormalizer.normalize(text, true);
        TextNormalizer.Normalized cased = null;
        List<Hit> hits = new ArrayList<>();
        Map<UUID, List<DesignationList>> listsByEntity = entities.listsByEntity();
        for (EntityAlias alias : entities.allAliases()) {
            List<DesignationList> lists = List.copyOf(listsByEntity.getOrDefault(alias.entity.id, List.of()));
            TextNormalizer.Normalized target = folded;
            if (alias.caseSensitive) {
                cased = cased != null ? cased : TextNormalizer.normalize(text, false);
                target = cased;
            }
            String term = TextNormalizer.normalizeTerm(alias.alias, !alias.caseSensitive);
            for (int[] span : find(target, term, "ar".equals(alias.language))) {
                String found = text.substring(span[0], span[1]);
                String explanation = "'%s' is %s name of the designated entity %s (%s, listed by %s; %s); found as '%s' at %d-%d."
                        .formatted(alias.alias, article(alias.language), alias.entity.name, describe(alias.entity.tier),
                                alias.entity.source, describe(lists), found, span[0], span[1]);
                hits.add(new Hit(new TextIndicator(IndicatorKind.DESIGNATED_ENTITY, alias.alias, null, alias.entity.name,
                        span[0], span[1], alias.language, explanation, lists), alias.entity.tier));
            }
        }
        for (CategoryIndicator indicator : indicators.search(null, null)) {
            String term = TextNormalizer.normalizeTerm(indicator.phrase, true);
            for (int[] span : find(folded, term, "ar".equals(indicator.language))) {
                String found = text.substring(span[0], span[1]);
                String explanation = "'%s' is %s indicator of %s (%s); found as '%s' at %d-%d."
                        .formatted(indicator.phrase, article(indicator.language), indicator.category,
                                meaningOf(indicator.category), found, span[0], span[1]);
                hits.add(new Hit(new TextIndicator(IndicatorKind.CATEGORY_TERM, indicator.phrase, indicator.category,
                        null, span[0], span[1], indicator.language, explanation, null), null));
            }
        }
        return keepOuter(text, hits);
    }

    /** Whole-word occurrences of a normalised term, as spans of the original text. */
    static List<int[]> find(TextNormalizer.Normalized normalized, String term, boolean arabic) {
        List<int[]> spans = new ArrayList<>();
        if (term.isEmpty()) {
            return spans;
        }
        // l and i compared as one letter (a 1 may stand for either): same length, same offsets.
        String t = normalized.skeleton();
        term = TextNormalizer.skeleton(term);
        int from = 0;
        while (true) {
            int at = t.indexOf(term, from);
            if (at < 0) {
                return spans;
            }
            int end = at + term.length();
            boolean startsWord = at == 0 || t.charAt(at - 1) == ' ' || (arabic && afterProclitic(t, at));
            boolean endsWord = end == t.length() || t.charAt(end) == ' ';
            if (startsWord && endsWord) {
                spans.add(new int[] { normalized.originalStart(at), normalized.originalEnd(end) });
            }
            from = at + 1;
        }
    }

    private static boolean afterProclitic(String t, int at) {
        int wordStart = t.lastIndexOf(' ', at - 1) + 1;
        int length = at - wordStart;
        if (length < 1 || length > 2) {
            return false;
        }
        for (int i = wordStart; i < at; i++) {
            if (ARABIC_PROCLITICS.indexOf(t.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static List<Hit> keepOuter(String text, List<Hit> hits) {
        List<Hit> sorted = new ArrayList<>(hits);
        // Outer spans first; among identical spans, the term written as found (accents included) first.
        sorted.sort(Comparator.comparingInt((Hit h) -> h.indicator().start())
                .thenComparing(h -> -h.indicator().end())
                .thenComparing(h -> text.substring(h.indicator().start(), h.indicator().end())
                        .equalsIgnoreCase(h.indicator().term()) ? 0 : 1));
        List<Hit> kept = new ArrayList<>();
        for (Hit hit : sorted) {
            boolean inside = kept.stream().anyMatch(k -> sameSubject(k, hit)
                    && k.indicator().start() <= hit.indicator().start() && hit.indicator().end() <= k.indicator().end());
            if (!inside) {
                kept.add(hit);
            }
        }
        return kept;
    }

    private static boolean sameSubject(Hit a, Hit b) {
        return a.indicator().kind() == b.indicator().kind()
                && java.util.Objects.equals(a.indicator().entity(), b.indicator().entity())
                && a.indicator().category() == b.indicator().category();
    }

    private static String article(String language) {
        String name = LANGUAGES.get(language);
        if (name == null) {
            return "a [" + language + "]";
        }
        return (name.startsWith("E") || name.startsWith("A") ? "an " : "a ") + name;
    }

    private static String describe(List<DesignationList> lists) {
        if (lists.isEmpty()) {
            return "on none of the designation lists";
        }
        return "on the lists " + String.join(", ", lists.stream().map(Enum::name).toList());
    }

    static String describe(Tier tier) {
        return switch (tier) {
            case THREAT_TO_LIFE -> "tier threat to life";
            case CRISIS -> "tier crisis";
            case DESIGNATED_GROUP -> "a designated group";
            case PROMOTIONAL -> "tier promotional";
        };
    }
}
