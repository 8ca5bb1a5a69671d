package eu.vigie.classify.service;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 *
 * <p>Then the usual evasions are undone, word by word (a word being a run of letters and digits):
 * <ul>
 * <li><b>spacing</b>: three or more one-character words in a row are joined, whatever separated them
 * ("i.s.i.s", "d a e s h", "I-S-I-S" become "isis", "daesh");</li>
 * <li><b>homoglyphs</b>: Cyrillic and Greek letters that look like Latin ones become those Latin
 * letters in a word that also holds Latin letters or holds only such look-alikes ("ІЅІЅ" in
 * Cyrillic, "dаesh" with a Cyrillic а); full-width and other compatibility forms are already
 * plain letters by NFKD/NFKC;</li>
 * <li><b>leetspeak</b>: in a word that holds at least one letter, 0 becomes o, 1 i, 3 e, 4 a, 5 s,
 * 7 t, @ a and $ s ("1s1s", "d@esh", "$tate"); a word of digits only keeps them. The matcher also
 * treats l as i ({@link #skeleton}), since a 1 may stand for either.</li>
 * </ul>
 * Every step keeps each character's original span, so a hit is reported where it is in the
 * original text, whatever was undone to find it.
 */
public final class TextNormalizer {

    /**
     * A normalised text: {@code starts[i]} and {@code ends[i]} are the offsets (UTF-16 code
     * units, end exclusive) in the original text of the character that produced {@code text[i]}.
     */
    public record Normalized(String text, int[] starts, int[] ends, String skeleton) {

        public Normalized(String text, int[] starts, int[] ends) {
            this(text, starts, ends, TextNormalizer.skeleton(text));
        }

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
                    boolean word = Character.isLetterOrDigit(c) || c == '@' || c == '$';
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
        return undoEvasions(out, starts, ends);
    }

    /** The form the matcher compares, text and terms alike: l as i (a 1 may stand for either). Same length. */
    public static String skeleton(String normalized) {
        return normalized.replace('l', 'i');
    }

    private static boolean isSpace(char c) {
        return c == ' ';
    }

    /** Joins spaced-out letters, maps look-alikes and leetspeak; keeps every character's original span. */
    private static Normalized undoEvasions(StringBuilder in, int[] inStarts, int[] inEnds) {
        int n = in.length();
        // Word boundaries: [wordStart[w], wordEnd[w]) in the input.
        List<int[]> words = new ArrayList<>();
        for (int i = 0; i < n;) {
            if (isSpace(in.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && !isSpace(in.charAt(j))) {
                j++;
            }
            words.add(new int[] { i, j });
            i = j;
        }
        // Spacing: runs of three or more one-character words become one word.
        boolean[] joinAfter = new boolean[words.size()];
        for (int w = 0; w < words.size();) {
            int run = w;
            while (run < words.size() && words.get(run)[1] - words.get(run)[0] == 1) {
                run++;
            }
            if (run - w >= 3) {
                for (int k = w; k < run - 1; k++) {
                    joinAfter[k] = true;
                }
            }
            w = Math.max(run, w + 1);
        }
        StringBuilder out = new StringBuilder(n);
        int[] starts = new int[n + 1];
        int[] ends = new int[n + 1];
        int w = 0;
        while (w < words.size()) {
            int first = w;
            while (joinAfter[w]) {
                w++;
            }
            int last = w;
            w++;
            // The merged word: characters of words first..last.
            StringBuilder word = new StringBuilder();
            List<Integer> sources = new ArrayList<>();
            for (int k = first; k <= last; k++) {
                for (int i = words.get(k)[0]; i < words.get(k)[1]; i++) {
                    word.append(in.charAt(i));
                    sources.add(i);
                }
            }
            String mapped = unmask(word);
            for (int k = 0; k < mapped.length(); k++) {
                char c = mapped.charAt(k);
                if (c == ' ') {
                    // an @ or $ outside a word is punctuation
                    if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                        out.append(' ');
                        starts[out.length() - 1] = inStarts[sources.get(k)];
                        ends[out.length() - 1] = inEnds[sources.get(k)];
                    }
                    continue;
                }
                if (out.length() > 0 && k == 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                    starts[out.length() - 1] = inStarts[sources.get(k)];
                    ends[out.length() - 1] = inStarts[sources.get(k)];
                }
                out.append(c);
                starts[out.length() - 1] = inStarts[sources.get(k)];
                ends[out.length() - 1] = inEnds[sources.get(k)];
            }
        }
        int length = out.length();
        while (length > 0 && out.charAt(length - 1) == ' ') {
            length--;
        }
        return new Normalized(out.substring(0, length), Arrays.copyOf(starts, Math.max(1, length)),
                Arrays.copyOf(ends, Math.max(1, length)));
    }

    /** Homoglyphs then leetspeak in one word (same length; a lone @ or $ becomes a space). */
    private static String unmask(CharSequence word) {
        boolean latin = false;
        boolean onlyLookAlikes = true;
        boolean foreign = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 0x250 && Character.isLetter(c)) {
                latin = true;
            } else if (LOOK_ALIKES.indexOf(c) >= 0) {
                foreign = true;
            } else if (Character.isLetter(c)) {
                onlyLookAlikes = false;
            }
        }
        char[] chars = word.toString().toCharArray();
        if (foreign && (latin || onlyLookAlikes)) {
            for (int i = 0; i < chars.length; i++) {
                int at = LOOK_ALIKES.indexOf(chars[i]);
                if (at >= 0) {
                    chars[i] = LATIN.charAt(at);
                }
            }
        }
        boolean letter = false;
        for (char c : chars) {
            letter |= Character.isLetter(c);
        }
        for (int i = 0; i < chars.length; i++) {
            int at = LEET.indexOf(chars[i]);
            if (at >= 0) {
                chars[i] = letter ? LEET_LETTERS.charAt(at) : (chars[i] == '@' || chars[i] == '$' ? ' ' : chars[i]);
            }
        }
        return new String(chars);
    }

    private static final String LEET = "013457@$";
    private static final String LEET_LETTERS = "oieastas";

    /**
     * Cyrillic and Greek letters that look like a Latin letter, upper and lower case (case folding has already turned
     * upper case into lower case when asked), and the Latin letter each stands for, position by position.
     */
    private static final String LOOK_ALIKES = ""
            // Cyrillic lower: а в е з к м н о р с т у х і ј ѕ һ ԁ ԛ ԝ ь
            + "\u0430\u0432\u0435\u0437\u043A\u043C\u043D\u043E\u0440\u0441\u0442\u0443\u0445\u0456\u0458\u0455\u04BB\u0501\u051B\u051D\u044C"
            // Cyrillic upper: А В Е З К М Н О Р С Т У Х І Ј Ѕ Һ
            + "\u0410\u0412\u0415\u0417\u041A\u041C\u041D\u041E\u0420\u0421\u0422\u0423\u0425\u0406\u0408\u0405\u04BA"
            // Greek lower: α β ε η ι κ μ ν ο ρ τ υ χ ζ
            + "\u03B1\u03B2\u03B5\u03B7\u03B9\u03BA\u03BC\u03BD\u03BF\u03C1\u03C4\u03C5\u03C7\u03B6"
            // Greek upper: Α Β Ε Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ Ζ
            + "\u0391\u0392\u0395\u0397\u0399\u039A\u039C\u039D\u039F\u03A1\u03A4\u03A5\u03A7\u0396";
    private static final String LATIN = ""
            + "abe3kmhopctyxijshdqwb"
            + "ABE3KMHOPCTYXIJSH"
            + "abehikmvoptuxz"
            + "ABEHIKMNOPTYXZ";

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
