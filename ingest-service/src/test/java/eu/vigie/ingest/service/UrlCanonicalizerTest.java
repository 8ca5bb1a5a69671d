package eu.vigie.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {

    private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer(List.of("igshid", "mc_*"));

    private String canonical(String url) {
        return canonicalizer.canonicalize(url);
    }

    @Test
    void lowerCasesSchemeAndHostButNotPath() {
        assertEquals("https://video.example/Watch/ABC", canonical("HTTPS://Video.EXAMPLE/Watch/ABC"));
    }

    @Test
    void convertsInternationalisedHostToPunycode() {
        assertEquals("https://xn--bcher-kva.example/", canonical("https://Bücher.example"));
        assertEquals("http://xn--mgbh0fb.xn--kgbechtv/", canonical("http://مثال.إختبار/"));
    }

    @Test
    void dropsDefaultPortsAndKeepsOthers() {
        assertEquals("http://video.example/a", canonical("http://video.example:80/a"));
        assertEquals("https://video.example/a", canonical("https://video.example:443/a"));
        assertEquals("https://video.example:8443/a", canonical("https://video.example:8443/a"));
        assertEquals("http://video.example:443/a", canonical("http://video.example:443/a"));
        assertEquals("https://video.example:8080/", canonical("https://video.example:08080"));
        assertEquals("https://video.example/", canonical("https://video.example:/"));
    }

    @Test
    void dropsFragment() {
        assertEquals("https://video.example/watch?v=1", canonical("https://video.example/watch?v=1#t=30"));
        assertEquals("https://video.example/", canonical("https://video.example#top"));
    }

    @Test
    void removesBuiltInTrackingParameters() {
        assertEquals("https://video.example/watch?v=1", canonical(
                "https://video.example/watch?utm_source=x&v=1&UTM_Medium=y&fbclid=abc&gclid=def&si=ghi"));
    }

    @Test
    void removesConfiguredTrackingParametersIncludingPrefixes() {
        assertEquals("https://photos.example/p/1?page=2",
                canonical("https://photos.example/p/1?igshid=zz&page=2&mc_cid=1&mc_eid=2"));
        // without configuration these stay
        assertEquals("https://photos.example/p/1?igshid=zz&page=2",
                new UrlCanonicalizer(List.of()).canonicalize("https://photos.example/p/1?page=2&igshid=zz"));
    }

    @Test
    void doesNotRemoveParametersThatMerelyContainTrackingNames() {
        assertEquals("https://a.example/?sid=1&site=2&xutm_a=3",
                canonical("https://a.example/?site=2&sid=1&xutm_a=3"));
    }

    @Test
    void sortsRemainingParametersByNameThenValueKeepingDuplicates() {
        assertEquals("https://a.example/s?a=1&a=2&b=&c", canonical("https://a.example/s?c&b=&a=2&a=1"));
    }

    @Test
    void dropsEmptyQuery() {
        assertEquals("https://a.example/s", canonical("https://a.example/s?"));
        assertEquals("https://a.example/s", canonical("https://a.example/s?&&utm_campaign=x"));
    }

    @Test
    void normalisesPercentEncoding() {
        // unreserved characters decoded, other escapes upper-cased
        assertEquals("https://a.example/~user/a-b_c.d%2F%3A", canonical("https://a.example/%7Euser/%61-b%5Fc%2ed%2f%3a"));
        assertEquals("https://a.example/q?x=%2B%26y", canonical("https://a.example/q?x=%2b%26y"));
    }

    @Test
    void encodesCharactersThatMayNotAppearRaw() {
        assertEquals("https://a.example/a%20b/%C3%A9t%C3%A9?q=%D8%B3%D9%84%D8%A7%D9%85",
                canonical("https://a.example/a b/été?q=سلام"));
        assertEquals("https://a.example/100%25", canonical("https://a.example/100%"));
        assertEquals("https://a.example/%25zz", canonical("https://a.example/%zz"));
    }

    @Test
    void emptyPathBecomesSlash() {
        assertEquals("https://a.example/", canonical("https://a.example"));
        assertEquals("https://a.example/?x=1", canonical("https://a.example?x=1"));
    }

    @Test
    void removesDotSegments() {
        assertEquals("https://a.example/a/c", canonical("https://a.example/a/b/../c"));
        assertEquals("https://a.example/a/", canonical("https://a.example/a/./"));
        assertEquals("https://a.example/", canonical("https://a.example/../.."));
        assertEquals("https://a.example/a/b", canonical("https://a.example/a/%2E/b"));
    }

    @Test
    void dropsTrailingDotOfHostAndTrimsWhitespace() {
        assertEquals("https://a.example/x", canonical("  https://a.example./x \n"));
    }

    @Test
    void keepsIpAddresses() {
        assertEquals("http://192.0.2.10:8080/x", canonical("http://192.0.2.10:8080/x"));
        assertEquals("http://[2001:db8::1]/x", canonical("http://[2001:DB8::1]:80/x"));
    }

    @Test
    void equivalentSpellingsHaveOneCanonicalForm() {
        String expected = canonical("https://video.example/watch?list=9&v=1");
        assertEquals(expected, canonical("HTTPS://VIDEO.example:443/watch?v=1&list=9&utm_source=tw#comments"));
        assertEquals(expected, canonical("https://video.example/./watch?%6Cist=9&v=%31&si=abc"));
    }

    @Test
    void isIdempotent() {
        String once = canonical("HTTP://Bücher.example:80/a/../b c?z=1&utm_x=2&a=%7e#f");
        assertEquals(once, canonical(once));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://files.example/x", "javascript:alert(1)", "mailto:a@b.example", "file:///etc/passwd",
            "data:text/plain,hi" })
    void refusesOtherSchemes(String url) {
        InvalidUrlException e = assertThrows(InvalidUrlException.class, () -> canonical(url));
        assertEquals("must be an http or https URL", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://user:secret@video.example/x|must not contain user information (user:password@)",
            "https://user@video.example/x|must not contain user information (user:password@)",
            "video.example/watch|must be an absolute http or https URL",
            "/relative/path|must be an absolute http or https URL",
            "https:video.example|must be an absolute http or https URL",
            "https:///path|must have a host",
            "https://bad_host name.example/|has an invalid host name",
            "https://a..example/|has an invalid host name",
            "https://-a.example/|has an invalid host name",
            "https://video.example:99999/|has an invalid port",
            "https://video.example:0/|has an invalid port",
            "https://video.example:8o/|has an invalid port",
            "https://[zz::1]/|has an invalid IPv6 address",
            "'https://a.example/\u0000'|must not contain control characters" })
    void refusesMalformedUrls(String url, String reason) {
        InvalidUrlException e = assertThrows(InvalidUrlException.class, () -> canonical(url));
        assertEquals(reason, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   " })
    void refusesBlank(String url) {
        assertThrows(InvalidUrlException.class, () -> canonical(url));
        assertThrows(InvalidUrlException.class, () -> canonical(null));
    }

    @Test
    void hostOfCanonicalUrl() {
        assertEquals("m.video.example", UrlCanonicalizer.hostOf("https://m.video.example:8443/x?y=1"));
        assertEquals("video.example", UrlCanonicalizer.hostOf("https://video.example/"));
        assertEquals("[2001:db8::1]", UrlCanonicalizer.hostOf("http://[2001:db8::1]:8080/"));
    }
}
