package eu.vigie.classify.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import eu.vigie.classify.DesignationList;
import eu.vigie.classify.IndicatorKind;
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

    private final DesignationLexicon lexicon;

    public TextIndicatorScanner(DesignationLexicon lexicon) {
        this.lexicon = lexicon;
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
        DesignationLexicon.Lexicon terms = lexicon.current();
        TextNormalizer.Normalized folded = TextNormalizer.normalize(text, true);
        TextNormalizer.Normalized cased = null;
        List<Hit> hits = new ArrayList<>();
        for (DesignationLexicon.EntityTerm term : terms.entityTerms()) {
            TextNormalizer.Normalized target = folded;
            if (term.caseSensitive()) {
                cased = cased != null ? cased : TextNormalizer.normalize(text, false);
                target = cased;
            }
            for (int[] span : findSkeleton(target, term.skeleton(), term.arabic())) {
                String explanation = explain(term.explanationStart(), text, span);
                hits.add(new Hit(new TextIndicator(IndicatorKind.DESIGNATED_ENTITY, term.alias(), null, term.entity(),
                        span[0], span[1], term.language(), explanation, term.lists()), term.tier()));
            }
        }
        for (DesignationLexicon.IndicatorTerm term : terms.indicatorTerms()) {
            for (int[] span : findSkeleton(folded, term.skeleton(), term.arabic())) {
                String explanation = explain(term.explanationStart(), text, span);
                hits.add(new Hit(new TextIndicator(IndicatorKind.CATEGORY_TERM, term.phrase(), term.category(),
                        null, span[0], span[1], term.language(), explanation, null), null));
            }
        }
        return keepOuter(text, hits);
    }

    /** The hit's explanation: what the term is (compiled with the lexicon), then where it was found and as what. */
    private static String explain(String explanationStart, String text, int[] span) {
        return explanationStart + text.substring(span[0], span[1]) + "' at " + span[0] + "-" + span[1] + ".";
    }

    /** Whole-word occurrences of a normalised term, as spans of the original text. */
    static List<int[]> find(TextNormalizer.Normalized normalized, String term, boolean arabic) {
        // l and i compared as one letter (a 1 may stand for either): same length, same offsets.
        return findSkeleton(normalized, TextNormalizer.skeleton(term), arabic);
    }

    /** As {@link #find}, for a term already reduced to its {@link TextNormalizer#skeleton skeleton}. */
    static List<int[]> findSkeleton(TextNormalizer.Normalized normalized, String term, boolean arabic) {
        if (term.isEmpty()) {
            return List.of();
        }
        List<int[]> spans = new ArrayList<>();
        String t = normalized.skeleton();
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
                .thenComparing(h -> writtenAsFound(text, h.indicator()) ? 0 : 1));
        // Every hit kept before this one starts at or before it: it is inside one of its subject's if the farthest
        // end of those reaches its end (one pass, however many hits a long text has).
        Map<Subject, Integer> farthestEnd = new HashMap<>();
        List<Hit> kept = new ArrayList<>();
        for (Hit hit : sorted) {
            Subject subject = new Subject(hit.indicator().kind(), hit.indicator().entity(), hit.indicator().category());
            Integer end = farthestEnd.get(subject);
            if (end == null || end < hit.indicator().end()) {
                kept.add(hit);
                farthestEnd.put(subject, hit.indicator().end());
            }
        }
        return kept;
    }

    /** What a hit is about: the entity it names or the category it indicates. */
    private record Subject(IndicatorKind kind, String entity, Category category) {
    }

    /** Whether the text has the term at the hit's span exactly as the term is written, but for case. */
    private static boolean writtenAsFound(String text, TextIndicator indicator) {
        int length = indicator.end() - indicator.start();
        return length == indicator.term().length()
                && text.regionMatches(true, indicator.start(), indicator.term(), 0, length);
    }

    static String article(String language) {
        String name = LANGUAGES.get(language);
        if (name == null) {
            return "a [" + language + "]";
        }
        return (name.startsWith("E") || name.startsWith("A") ? "an " : "a ") + name;
    }

    static String describe(List<DesignationList> lists) {
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
