package eu.vigie.classify.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Each usual evasion is undone, and the hit still points at the evasive spelling in the original text. */
class TextEvasionTest {

    /** The original text of every whole-word hit of {@code term} in {@code text}. */
    private static List<String> hits(String text, String term) {
        TextNormalizer.Normalized n = TextNormalizer.normalize(text, true);
        return TextIndicatorScanner.find(n, TextNormalizer.normalizeTerm(term, true), false).stream()
                .map(span -> text.substring(span[0], span[1])).toList();
    }

    @Test
    void caseAndDiacritics() {
        assertEquals(List.of("ÉTAT ISLAMIQUE"), hits("Vive l'ÉTAT ISLAMIQUE !", "etat islamique"));
        assertEquals(List.of("Al-Qâïda"), hits("soutien à Al-Qâïda.", "al qaida"));
    }

    @Test
    void leetspeak() {
        assertEquals(List.of("1S1S"), hits("join 1S1S now", "isis"));
        assertEquals(List.of("D@35H"), hits("D@35H forever", "daesh"));
        assertEquals(List.of("$7ATE"), hits("the $7ATE", "state"));
        assertEquals(List.of("h4m4s"), hits("for h4m4s.", "hamas"));
        assertEquals(List.of("B0K0 H4R4M"), hits("B0K0 H4R4M rises", "boko haram"));
        // 1 stands for l as well as i.
        assertEquals(List.of("a1-qaeda"), hits("with a1-qaeda", "al qaeda"));
        // A word of digits only is a number, not a disguise; a lone $ is punctuation.
        assertEquals("in 2015 for 100", TextNormalizer.normalize("in 2015 for $ 100", true).text());
    }

    @Test
    void spacingAndPunctuationInsideWords() {
        assertEquals(List.of("i.s.i.s"), hits("glory to i.s.i.s!", "isis"));
        assertEquals(List.of("d a e s h"), hits("we are d a e s h", "daesh"));
        assertEquals(List.of("I-S-I-S"), hits("I-S-I-S", "isis"));
        assertEquals(List.of("h_a_m_a_s"), hits("long live h_a_m_a_s", "hamas"));
        // Two letters apart are not a spelling: "a b" stays two words.
        assertEquals("a b test", TextNormalizer.normalize("a b test", true).text());
    }

    @Test
    void homoglyphs() {
        // Cyrillic а and е inside a Latin word.
        String mixed = "d\u0430\u0435sh";
        assertEquals(List.of(mixed), hits("pro " + mixed + " post", "daesh"));
        // A word written only in Cyrillic look-alikes: І Ѕ І Ѕ.
        String cyrillic = "\u0406\u0405\u0406\u0405";
        assertEquals(List.of(cyrillic), hits(cyrillic + " is back", "isis"));
        // Greek capitals Η Α Μ Α with a Latin S.
        String greek = "\u0397\u0391\u039C\u0391S";
        assertEquals(List.of(greek), hits(greek, "hamas"));
        // Full-width forms (NFKC).
        assertEquals(List.of("ＩＳＩＳ"), hits("ＩＳＩＳ video", "isis"));
        // Real Russian words are left alone.
        assertEquals("привет мир", TextNormalizer.normalize("Привет мир", true).text());
    }

    @Test
    void arabicDiacriticsAndTatweel() {
        String text = "بايعوا الدَّوْلَةَ الإسْلامِيَّة و داعـــش";
        assertEquals(List.of("الدَّوْلَةَ الإسْلامِيَّة"), hits(text, "الدولة الإسلامية"));
        assertEquals(List.of("داعـــش"), hits(text, "داعش"));
    }

    @Test
    void evasionsCombined() {
        String text = "J0in the d.\u0430.3.$.h ranks";
        assertEquals(List.of("d.\u0430.3.$.h"), hits(text, "daesh"));
    }

    @Test
    void languageFromScriptAndFunctionWordsTheDeclaredOneOnlyAHint() {
        assertEquals("ar", LanguageDetector.detect("بايعوا الدولة الإسلامية", null).language());
        assertEquals("fr", LanguageDetector.detect("Nous appelons tous les frères à rejoindre la lutte", "en")
                .language());
        assertEquals(true, LanguageDetector.detect("Nous appelons tous les frères à rejoindre la lutte", "en")
                .overrulesDeclared());
        assertEquals("en", LanguageDetector.detect("We call on all of the brothers to join the fight", "fr")
                .language());
        // Too little to decide: the declared language stands.
        assertEquals("fr", LanguageDetector.detect("Daesh", "fr").language());
        assertEquals("en", LanguageDetector.detect("Daesh", "en-GB").language());
        assertEquals(null, LanguageDetector.detect("Daesh", null).language());
        assertEquals("ar", LanguageDetector.detect("Glory الدولة الإسلامية الباقية", "en").language());
    }
}
