package eu.vigie.classify.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private static String original(String text, TextNormalizer.Normalized n, int from, int to) {
        return text.substring(n.originalStart(from), n.originalEnd(to));
    }

    @Test
    void accentsCaseApostrophesAndHyphensFoldAway() {
        assertEquals("l etat islamique", TextNormalizer.normalize("L’ÉTAT  islamique", true).text());
        assertEquals("al qaida", TextNormalizer.normalizeTerm("Al-Qaïda", true));
        assertEquals("al qaida", TextNormalizer.normalizeTerm("  al  qaida!! ", true));
        assertEquals("strasse", TextNormalizer.normalizeTerm("STRAßE", true));
        assertEquals("coeur", TextNormalizer.normalizeTerm("Cœur", true));
    }

    @Test
    void compatibilityFormsBecomePlainLetters() {
        // Full-width letters and the "fi" ligature, as used to dodge keyword filters.
        assertEquals("isis file", TextNormalizer.normalizeTerm("ＩＳＩＳ ﬁle", true));
    }

    @Test
    void caseIsKeptWhenAsked() {
        assertEquals("The Base", TextNormalizer.normalizeTerm("The  Base", false));
    }

    @Test
    void arabicLetterFormsAndVowelMarksAreUnified() {
        assertEquals(TextNormalizer.normalizeTerm("الدولة الإسلامية", true),
                TextNormalizer.normalizeTerm("الدَّوْلَةُ الاسلاميه", true));
        assertEquals(TextNormalizer.normalizeTerm("داعش", true), TextNormalizer.normalizeTerm("داعـــش", true));
    }

    @Test
    void everyNormalisedCharacterMapsBackToItsOriginalSpan() {
        String text = "« Pre\u0302tez ALLÉGEANCE » ﬁn";
        TextNormalizer.Normalized n = TextNormalizer.normalize(text, true);
        assertEquals("pretez allegeance fin", n.text());
        assertEquals("Pre\u0302tez", original(text, n, 0, 6));
        assertEquals("ALLÉGEANCE", original(text, n, 7, 17));
        // Both letters of the ligature map to the one original character.
        assertEquals("ﬁ", original(text, n, 18, 19));
        assertEquals("ﬁn", original(text, n, 18, 21));
    }

    @Test
    void wholeWordSearchReportsOriginalOffsets() {
        String text = "xISIS, ISIS-linked and Isis.";
        TextNormalizer.Normalized n = TextNormalizer.normalize(text, true);
        var spans = TextIndicatorScanner.find(n, "isis", false);
        assertEquals(2, spans.size());
        assertEquals(text.indexOf(" ISIS") + 1, spans.get(0)[0]);
        assertEquals(text.indexOf(" ISIS") + 5, spans.get(0)[1]);
        assertEquals("Isis", text.substring(spans.get(1)[0], spans.get(1)[1]));
    }

    @Test
    void arabicNamesMatchAfterAJoinedProcliticOnly() {
        String term = TextNormalizer.normalizeTerm("القاعدة", true);
        assertEquals(1, TextIndicatorScanner.find(TextNormalizer.normalize("بالقاعدة", true), term, true).size());
        assertEquals(1, TextIndicatorScanner.find(TextNormalizer.normalize("والقاعدة", true), term, true).size());
        assertEquals(0, TextIndicatorScanner.find(TextNormalizer.normalize("والقاعدة", true), term, false).size());
        // Three letters before the name are a different word, not a proclitic.
        assertEquals(0, TextIndicatorScanner.find(TextNormalizer.normalize("كتبالقاعدة", true), term, true).size());
    }
}
