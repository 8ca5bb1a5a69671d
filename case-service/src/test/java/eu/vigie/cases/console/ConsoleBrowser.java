package eu.vigie.cases.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.WireMock;

import eu.vigie.testing.TestIssuers;
import eu.vigie.testing.TestTokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser for console tests: keeps cookies, follows nothing by itself, and signs in through the
 * authorization-code flow against the test issuers. The issuer's sign-in page is stood in by a token
 * endpoint stub on the {@link TestIssuers} WireMock server: the code the browser brings back is
 * exchanged for an ID token and an access token of the officer, signed by the realm's key, as
 * Keycloak would issue them.
 */
final class ConsoleBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String language = "en";
    private String accessToken;

    /** The access token the officer holds after signing in (what the console must forward to ingest-service). */
    String accessToken() {
        return accessToken;
    }

    ConsoleBrowser acceptLanguage(String language) {
        this.language = language;
        return this;
    }

    /** Signs in to {@code /console/<realm>} as {@code user} with {@code roles}; agency as the test tokens give it. */
    static ConsoleBrowser signedIn(String realm, String user, String... roles) {
        String agency = switch (realm) {
            case "gb" -> "CTIRU";
            case "fr" -> "PHAROS";
            default -> null;
        };
        ConsoleBrowser browser = new ConsoleBrowser();
        browser.signIn(realm, user, agency, roles);
        return browser;
    }

    void signIn(String realm, String user, String agency, String... roles) {
        String start = "/console/" + realm;
        Response challenge = get(start);
        assertEquals(302, challenge.statusCode(), "an anonymous officer is sent to sign in");
        URI authorize = URI.create(challenge.header("Location"));
        assertTrue(authorize.toString().startsWith(TestIssuers.issuer(realm) + "/protocol/openid-connect/auth"),
                "to their own government's issuer: " + authorize);
        Map<String, String> query = query(authorize);
        String code = UUID.randomUUID().toString();
        TestTokens.Builder access = TestTokens.builder(realm, user, roles).claim("name", "Officer " + user)
                .claim("azp", "vigie-console");
        TestTokens.Builder id = TestTokens.builder(realm, user, roles).claim("name", "Officer " + user)
                .claim("aud", "vigie-console").claim("azp", "vigie-console").claim("typ", "ID");
        if (agency != null) {
            access.claim("agency", agency);
            id.claim("agency", agency);
        }
        accessToken = access.sign();
        URI issuer = URI.create(TestIssuers.issuer(realm));
        new WireMock(issuer.getHost(), issuer.getPort()).register(
                post(urlPathEqualTo("/realms/" + realm + "/protocol/openid-connect/token"))
                        .withRequestBody(containing("code=" + code))
                        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                                {"access_token":"%s","id_token":"%s","token_type":"Bearer","expires_in":3600}
                                """.formatted(accessToken, id.sign()))));
        URI back = URI.create(query.get("redirect_uri"));
        Response callback = get(back.getRawPath() + "?code=" + code + "&state=" + query.get("state"));
        assertEquals(302, callback.statusCode(), "the code is exchanged and the officer sent back: " + callback.body().asString());
        assertTrue(cookies.keySet().stream().anyMatch(c -> c.startsWith("q_session")), "a session: " + cookies.keySet());
    }

    Response get(String path) {
        return remember(request().get(path));
    }

    /** A form as the page sends it: with the page's CSRF token. */
    Response postForm(String path, String page, Map<String, ?> fields) {
        RequestSpecification request = request().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("csrf-token", csrf(page));
        fields.forEach((name, value) -> {
            if (value instanceof Iterable<?> many) {
                many.forEach(v -> request.formParam(name, v));
            } else {
                request.formParam(name, value);
            }
        });
        return remember(request.post(path));
    }

    /** A form posted without a CSRF token, as a forged cross-site form would be. */
    Response postFormWithoutToken(String path, Map<String, ?> fields) {
        RequestSpecification request = request().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        fields.forEach(request::formParam);
        return remember(request.post(path));
    }

    /** A multipart form (the report form) with the page's CSRF token. */
    Response postMultipart(String path, String page, Map<String, String> fields, String fileName, String mediaType,
            byte[] file) {
        RequestSpecification request = request().multiPart("csrf-token", csrf(page));
        fields.forEach(request::multiPart);
        if (file != null) {
            request.multiPart("file", fileName, file, mediaType);
        }
        return remember(request.post(path));
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    void cookie(String name, String value) {
        cookies.put(name, value);
    }

    static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertTrue(m.find(), "the form carries a CSRF token");
        return m.group(1);
    }

    private RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies).header("Accept-Language", language)
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    }

    private Response remember(Response response) {
        response.detailedCookies().forEach(c -> {
            if (c.getMaxAge() == 0 || c.getValue() == null || c.getValue().isEmpty()) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
        return response;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2)).forEach(
                p -> query.put(p[0], p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""));
        return query;
    }
}
