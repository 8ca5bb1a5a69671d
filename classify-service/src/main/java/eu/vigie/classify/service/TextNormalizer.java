package eu.vigie.classify.service;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * Normalises text for matching while remembering where every normalised character came from, so
 * that hits are reported at their offsets in the original text.
 *
 * <p>Each code point of the original is decomposed (NFKD: ligatures, full-width forms and other
 * compatibility characters become their plain letters), stripped of combining marks (French
 * accents, Arabic short vowels and hamza carriers), case-folded (unless asked not to: upper then
 * lower case, so {@code ß} folds to {@code ss}), given Arabic letter-form unification (alef forms
 * to bare alef, alef maqsura to ya, ta marbuta to ha, no tatweel) and recomposed (NFKC). Every
 * run of characters that are neither letters nor digits (spaces, punctuation, apostrophes,
 * hyphens) becomes one space, so that word boundaries are spaces: "al-Qaïda" and "Al Qaida"
 * both normalise to "al qaida".
 */
public final class TextNormalizer {

    /**
     * A normalised text: {@code starts[i]} and {@code ends[i]} are the offsets (UTF-16 code
     * units, end exclusive) in the original text of the character that produced {@code text[i]}.
     */
    public record Normalized(String text, int[] starts, int[] ends) {

        /** The original span of the normalised span [from, to). */
        public int originalStart(int from) {
            return starts[from];
        }

        public int originalEnd(int to) {
            return ends[to - 1];
        }
    }

    private TextNormalizer() {
    }

    public static Normalized normalize(String original, boolean foldCase) {
        StringBuilder out = new StringBuilder(original.length());
        int[] starts = new int[original.length() * 2 + 4];
        int[] ends = new int[starts.length];
        int i = 0;
        while (i < original.length()) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            String piece = fold(cp, foldCase);
            if (piece.isEmpty()) {
                // A combining mark (or tatweel): it belongs to the letter before it.
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    ends[out.length() - 1] = next;
                }
            } else {
                for (int k = 0; k < piece.length(); k++) {
                    char c = piece.charAt(k);
                    boolean word = Character.isLetterOrDigit(c);
                    if (!word && (out.length() == 0 || out.charAt(out.length() - 1) == ' ')) {
                        continue;
                    }
                    if (out.length() + 1 >= starts.length) {
                        starts = Arrays.copyOf(starts, starts.length * 2);
                        ends = Arrays.copyOf(ends, ends.length * 2);
                    }
                    starts[out.length()] = i;
                    ends[out.length()] = next;
                    out.append(word ? c : ' ');
                }
            }
            i = next;
        }
        return new Normalized(out.toString(), starts, ends);
    }

    /** A listed name or phrase in the form it is searched for; empty if it has no letters or digits. */
    public static String normalizeTerm(String term, boolean foldCase) {
        return normalize(term, foldCase).text().strip();
    }

    private static String fold(int cp, boolean foldCase) {
        switch (cp) {
            case 0x0640: // Arabic tatweel (kashida): elongation only
                return "";
            case 0x0671: // alef wasla
                return "\u0627";
            case 0x0649: // alef maqsura
                return "\u064A";
            case 0x0629: // ta marbuta
                return "\u0647";
            case 'œ':
                return "oe";
            case 'Œ':
                return foldCase ? "oe" : "OE";
            case 'æ':
                return "ae";
            case 'Æ':
                return foldCase ? "ae" : "AE";
            case 0x2019: // right single quotation mark, the usual French apostrophe
            case 0x02BC:
                return "'";
            default:
                break;
        }
        String s = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        s = stripMarks(s);
        if (foldCase) {
            s = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
            s = stripMarks(Normalizer.normalize(s, Normalizer.Form.NFKD));
        }
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }

    private static String stripMarks(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
                    && type != Character.ENCLOSING_MARK && c != 0x0640) {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
