package eu.vigie.classify.service;

import java.util.Locale;
import java.util.Set;

/**
 * The language of a text, from its script and its function words, with the sender's declared language as a hint only.
 * <ul>
 * <li>Arabic when at least half of its letters are Arabic script;</li>
 * <li>otherwise English or French by counting their function words (articles, pronouns, prepositions, auxiliaries:
 * words that carry no topic and that every text uses), after normalisation (case, accents): the language with at
 * least two such words and at least twice as many as the other wins;</li>
 * <li>when neither is so clearly ahead, the declared language if there is one, else the one with more function words,
 * else none.</li>
 * </ul>
 * A declared language that the text clearly contradicts is overruled, and the detection says so.
 */
public final class LanguageDetector {

    /** The language decided, how, and whether it overrules the declared one. */
    public record Detection(String language, String reason, boolean overrulesDeclared) {
    }

    private static final Set<String> ENGLISH = Set.of("the", "and", "of", "to", "in", "is", "that", "it", "for", "you",
            "with", "are", "this", "be", "we", "was", "they", "have", "not", "our", "will", "your", "from", "by", "all",
            "who", "their", "what", "at", "an", "or", "but", "his", "he", "my", "me", "us", "them", "these", "those",
            "has", "were", "would", "should", "shall", "must", "can", "do", "does", "into", "against", "its");

    private static final Set<String> FRENCH = Set.of("le", "la", "les", "et", "des", "du", "de", "un", "une", "est",
            "que", "qui", "pour", "dans", "nous", "vous", "ils", "elles", "pas", "sur", "au", "aux", "ce", "cette", "ces",
            "avec", "sont", "par", "se", "leur", "leurs", "notre", "nos", "votre", "vos", "mais", "ou", "il", "elle",
            "je", "tu", "ne", "etre", "avoir", "sera", "contre", "tous", "toutes", "sans", "son", "sa", "ses", "mon",
            "ma", "mes", "etait", "ont", "fait", "l", "d", "qu");

    private LanguageDetector() {
    }

    public static Detection detect(String text, String declared) {
        String hint = declared == null || declared.isBlank() ? null
                : declared.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        if (text == null || text.isBlank()) {
            return hint == null ? new Detection(null, "no text and no declared language", false)
                    : new Detection(hint, "no text: the declared language", false);
        }
        int letters = 0;
        int arabic = 0;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                letters++;
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC) {
                    arabic++;
                }
            }
            i += Character.charCount(cp);
        }
        if (letters == 0) {
            return hint == null ? new Detection(null, "no letters and no declared language", false)
                    : new Detection(hint, "no letters: the declared language", false);
        }
        if (2 * arabic >= letters) {
            return decided("ar", arabic + " of " + letters + " letters are Arabic script", hint);
        }
        int en = 0;
        int fr = 0;
        for (String word : TextNormalizer.normalize(text, true).text().split(" ")) {
            if (ENGLISH.contains(word)) {
                en++;
            }
            if (FRENCH.contains(word)) {
                fr++;
            }
        }
        String counts = en + " English and " + fr + " French function words";
        if (en >= 2 && en >= 2 * fr) {
            return decided("en", counts, hint);
        }
        if (fr >= 2 && fr >= 2 * en) {
            return decided("fr", counts, hint);
        }
        if (hint != null) {
            return new Detection(hint, counts + ", not decisive: the declared language", false);
        }
        if (en != fr) {
            return new Detection(en > fr ? "en" : "fr", counts + ", not decisive, and none declared", false);
        }
        return new Detection(null, counts + " and none declared: unknown", false);
    }

    private static Detection decided(String language, String evidence, String hint) {
        boolean overrules = hint != null && !hint.equals(language);
        return new Detection(language, evidence + (overrules ? "; the declared '" + hint + "' is overruled" : ""),
                overrules);
    }
}
