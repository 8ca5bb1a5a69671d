package eu.vigie.notify.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.vigie.testing.EmbeddedPostgresResource;
import eu.vigie.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** A platform's shortLinks (ARCHITECTURE "Platform short links"): registered, checked, and served to ingest-service. */
@QuarkusTest
class PlatformShortLinksTest {

    private static final String PATTERN = "^/([A-Za-z0-9_-]{4,32})$";

    private static String id() {
        return "short-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A platform on video-ID.test and vid-ID.test, with these short links (a JSON array, or null). */
    private static String body(String id, String shortLinksJson) {
        return """
                {"id":"%s","name":"Example Video","hostnames":["video-%s.test","vid-%s.test"],"homeJurisdiction":"IE",
                 "email":"abuse@video-%s.test","languages":["en"]%s}
                """.formatted(id, id, id, id, shortLinksJson == null ? "" : ",\"shortLinks\":" + shortLinksJson);
    }

    private static String link(String host, String pattern, String canonical) {
        return "{\"host\":%s,\"pattern\":%s,\"canonical\":%s}".formatted(quote(host), quote(pattern), quote(canonical));
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static ValidatableResponse register(String body) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/platforms").then();
    }

    @Test
    void shortLinksAreRegisteredAndServedByHostnameToIngestService() {
        String id = id();
        register(body(id, "[" + link("VID-" + id + ".test", PATTERN, "https://video-" + id + ".test/watch?v={1}") + ","
                + link("video-" + id + ".test", "^/s/([a-z]+)/([0-9]+)$", "https://video-" + id + ".test/{1}/watch?v={2}")
                + "]"))
                .statusCode(201)
                .body("shortLinks.host", contains("vid-" + id + ".test", "video-" + id + ".test"))
                .body("shortLinks[0].pattern", equalTo(PATTERN))
                .body("shortLinks[0].canonical", equalTo("https://video-" + id + ".test/watch?v={1}"));

        given().auth().oauth2(TestTokens.service("ingest-service")).queryParam("hostname", "vid-" + id + ".test")
                .when().get("/api/v1/platforms")
                .then().statusCode(200)
                .body("id", contains(id))
                .body("[0].shortLinks.size()", equalTo(2))
                .body("[0].shortLinks[0].host", equalTo("vid-" + id + ".test"))
                .body("[0].shortLinks[0].pattern", equalTo(PATTERN))
                .body("[0].shortLinks[1].canonical", equalTo("https://video-" + id + ".test/{1}/watch?v={2}"));
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/platforms/" + id)
                .then().statusCode(200).body("shortLinks.size()", equalTo(2));
        // Kept in order, as given.
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/platforms")
                .then().statusCode(200).body("find { it.id == '" + id + "' }.shortLinks.pattern",
                        contains(PATTERN, "^/s/([a-z]+)/([0-9]+)$"));
    }

    @Test
    void putReplacesShortLinksAndLeavingThemOutRemovesThem() {
        String id = id();
        register(body(id, "[" + link("vid-" + id + ".test", PATTERN, "https://video-" + id + ".test/watch?v={1}") + "]"))
                .statusCode(201);

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(body(id, "[" + link("vid-" + id + ".test", "^/v/([0-9]+)$", "http://video-" + id + ".test/v{1}") + "]"))
                .when().put("/api/v1/platforms/" + id)
                .then().statusCode(200)
                .body("shortLinks.pattern", contains("^/v/([0-9]+)$"))
                .body("shortLinks.canonical", contains("http://video-" + id + ".test/v{1}"));

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body(id, null))
                .when().put("/api/v1/platforms/" + id)
                .then().statusCode(200).body("shortLinks", empty());
        assertEquals(0, ((Number) count("select count(*) from platform_short_link where platform_id = '" + id + "'"))
                .intValue());
    }

    @Test
    void invalidShortLinksAreUnprocessableAndChangeNothing() {
        String id = id();
        String vid = "vid-" + id + ".test";
        String video = "https://video-" + id + ".test";
        register(body(id, "[" + link(vid, PATTERN, video + "/watch?v={1}") + "]")).statusCode(201);

        String[][] cases = {
                // host not among the platform's hostnames
                { link("elsewhere.test", PATTERN, video + "/watch?v={1}"), "shortLinks[0].host" },
                { link(null, PATTERN, video + "/watch?v={1}"), "shortLinks[0].host" },
                // pattern that does not compile, or too long
                { link(vid, "^/([a-z]+$", video + "/watch?v={1}"), "shortLinks[0].pattern" },
                { link(vid, "^/(" + "a".repeat(200) + ")$", video + "/watch?v={1}"), "shortLinks[0].pattern" },
                { link(vid, "", video + "/watch?v={1}"), "shortLinks[0].pattern" },
                // canonical: a group the pattern does not have, group 0 or 10, stray braces
                { link(vid, PATTERN, video + "/watch?v={2}"), "shortLinks[0].canonical" },
                { link(vid, PATTERN, video + "/watch?v={0}"), "shortLinks[0].canonical" },
                { link(vid, PATTERN, video + "/watch?v={10}"), "shortLinks[0].canonical" },
                { link(vid, PATTERN, video + "/watch?v={id}"), "shortLinks[0].canonical" },
                // canonical: not http(s), another platform's host, a host made of a group, not a URL, user info
                { link(vid, PATTERN, "ftp://video-" + id + ".test/{1}"), "shortLinks[0].canonical" },
                { link(vid, PATTERN, "https://other.test/watch?v={1}"), "shortLinks[0].canonical" },
                { link(vid, PATTERN, "https://{1}.video-" + id + ".test/"), "shortLinks[0].canonical" },
                { link(vid, PATTERN, "watch?v={1}"), "shortLinks[0].canonical" },
                { link(vid, PATTERN, "https://user@video-" + id + ".test/{1}"), "shortLinks[0].canonical" },
                { link(vid, PATTERN, null), "shortLinks[0].canonical" },
        };
        for (String[] c : cases) {
            given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                    .body(body(id, "[" + link(vid, "^/ok/([0-9]+)$", video + "/{1}") + "," + c[0] + "]"))
                    .when().put("/api/v1/platforms/" + id)
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("status", equalTo(422))
                    .body("violations.field", hasItem(c[1].replace("[0]", "[1]")))
                    .body("detail", containsString(c[1].replace("[0]", "[1]")));
        }
        // Every wrong field of every link is named at once.
        register(body(id(), "[" + link("elsewhere.test", "(", "ftp://x/{3}") + "]"))
                .statusCode(422)
                .body("violations.field", contains("shortLinks[0].host", "shortLinks[0].pattern", "shortLinks[0].canonical"));

        // Nothing changed: the platform keeps its first short link.
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/platforms/" + id)
                .then().statusCode(200)
                .body("shortLinks.pattern", contains(PATTERN))
                .body("shortLinks.canonical", contains(video + "/watch?v={1}"));
    }

    @Test
    void onlyAnAdminRegistersShortLinks() {
        String id = id();
        given().auth().oauth2(TestTokens.service("ingest-service")).contentType(ContentType.JSON)
                .body(body(id, "[" + link("vid-" + id + ".test", PATTERN, "https://video-" + id + ".test/watch?v={1}") + "]"))
                .when().post("/api/v1/platforms")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body(id, "[]"))
                .when().post("/api/v1/platforms")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/platforms/" + id).then().statusCode(404);
    }

    private static Object count(String query) {
        try {
            return EmbeddedPostgresResource.queryOne(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getValue("quarkus.datasource.jdbc.url", String.class), query);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
