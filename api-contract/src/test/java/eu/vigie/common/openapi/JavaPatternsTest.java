package eu.vigie.common.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class JavaPatternsTest {

    @Test
    void lettersOutsideClassesMatchBothCasesAndEscapesStay() {
        assertEquals("[hH][tT][tT][pP][sS]?://\\S+", JavaPatterns.withoutCaseFlag("https?://\\S+"));
    }

    @Test
    void rangesInClassesGainTheOtherCase() {
        assertEquals("([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}",
                JavaPatterns.withoutCaseFlag("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}"));
        assertEquals("[^xX]", JavaPatterns.withoutCaseFlag("[^x]"));
    }

    @Test
    void theRewrittenPatternAcceptsExactlyWhatTheJavaOneDoes() {
        List<String> javaPatterns = List.of("https?://.+", "(?:[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}",
                "sha256:[0-9a-f]{64}|url:\\S+");
        List<String> inputs = List.of("https://example.org/x", "HTTP://EXAMPLE.ORG", "ftp://example.org", "Video.Example",
                "video.example", "-bad.example", "x.c", "SHA256:" + "A".repeat(64), "sha256:" + "g".repeat(64),
                "URL:https://a", "url:", "hTtPs://");
        for (String p : javaPatterns) {
            Pattern java = Pattern.compile("(?i)" + p);
            Pattern rewritten = Pattern.compile(JavaPatterns.withoutCaseFlag(p));
            for (String input : inputs) {
                assertEquals(java.matcher(input).matches(), rewritten.matcher(input).matches(), p + " on " + input);
            }
        }
    }
}
