package eu.vigie.notify.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;

import eu.vigie.notify.Fixtures;
import eu.vigie.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PlatformResourceTest {

    /** whsec_ + base64 of 32 bytes, as Standard Webhooks libraries generate them. */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw/KZ3MJE9xaY=";

    private static String body(String id, String host) {
        return """
                {"id":"%s","name":"Example Video","hostnames":["%s"],"homeJurisdiction":"IE",
                 "email":"abuse@%s","webhookUrl":"https://93.184.215.14/hook","webhookSecret":"%s",
                 "languages":["en","fr"]}
                """.formatted(id, host, host, SECRET);
    }

    @Test
    void adminRegistersPlatformAndSecretIsNeverShown() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body("examplevideo", "examplevideo.test"))
                .when().post("/api/v1/platforms")
                .then().statusCode(201)
                .body("id", equalTo("examplevideo"))
                .body("webhookSecretSet", equalTo(true))
                .body("$", not(hasKey("webhookSecret")));

        given().auth().oauth2(TestTokens.service("ingest-service"))
                .queryParam("hostname", "m.examplevideo.test")
                .when().get("/api/v1/platforms")
                .then().statusCode(200)
                .body("id", contains("examplevideo"));
    }

    @Test
    void anonymousCallIsUnauthorizedProblem() {
        given().when().get("/api/v1/platforms")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .header("WWW-Authenticate", notNullValue());
    }

    @Test
    void tokenFromUnconfiguredIssuerIsUnauthorized() {
        given().auth().oauth2(TestTokens.rogue("admin")).when().get("/api/v1/platforms")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void tokenWithoutVigieAudienceIsUnauthorized() {
        given().auth().oauth2(TestTokens.withoutAudience("vigie", "admin", "admin")).when().get("/api/v1/platforms")
                .then().statusCode(401);
    }

    @Test
    void governmentIssuerCannotGrantAdmin() {
        given().auth().oauth2(TestTokens.gb("mallory", "admin", "referrer")).when().get("/api/v1/platforms")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void invalidRegistrationIsRefusedWithViolations() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"id\":\"Bad Id\",\"name\":\"\",\"hostnames\":[]}")
                .when().post("/api/v1/platforms")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("id"))
                .body("violations.field", hasItem("hostnames"));
    }

    @Test
    void malformedJsonIsBadRequestWithoutClassNames() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"id\": [")
                .when().post("/api/v1/platforms")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", not(org.hamcrest.Matchers.containsString("jackson")));
    }

    @Test
    void webhookOnLoopbackIsRefused() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(body("loopy", "loopy.test").replace("https://93.184.215.14/hook", "http://127.0.0.1:9/hook"))
                .when().post("/api/v1/platforms")
                .then().statusCode(400)
                .body("violations.field", contains("webhookUrl"));
    }

    @Test
    void webhookSecretMustHaveTheStandardWebhooksForm() {
        for (String bad : new String[] { "0123456789abcdef0123456789abcdef", "whsec_not base64!!",
                "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[16]),
                "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[65]) }) {
            given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                    .body(body("badsecret", "badsecret.test").replace(SECRET, bad))
                    .when().post("/api/v1/platforms")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", contains("webhookSecret"));
        }
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/platforms/badsecret").then().statusCode(404);
    }

    @Test
    void webhookSecretIsStoredEncrypted() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body("sealed", "sealed.test"))
                .when().post("/api/v1/platforms")
                .then().statusCode(201);
        String stored = (String) Fixtures.sql("select webhook_secret from platform where id = 'sealed'");
        org.junit.jupiter.api.Assertions.assertNotNull(stored);
        org.junit.jupiter.api.Assertions.assertFalse(stored.contains(SECRET.substring(6, 30)), stored);
        org.junit.jupiter.api.Assertions.assertTrue(stored.startsWith("aesgcm1:"), stored);
    }

    @Test
    void adminRotatesSecretWithOverlapAndOthersCannot() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body("rotator", "rotator.test"))
                .when().post("/api/v1/platforms")
                .then().statusCode(201)
                .body("previousWebhookSecretValidUntil", org.hamcrest.Matchers.nullValue());
        String rotation = "{\"secret\":\"" + Fixtures.newSecret() + "\",\"overlapSeconds\":3600}";

        given().auth().oauth2(TestTokens.platform("rotator")).contentType(ContentType.JSON).body(rotation)
                .when().post("/api/v1/platforms/rotator/webhook-secret")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"secret\":\"nope\"}")
                .when().post("/api/v1/platforms/rotator/webhook-secret")
                .then().statusCode(400).body("violations.field", contains("secret"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"secret\":\"" + Fixtures.newSecret() + "\",\"overlapSeconds\":-1}")
                .when().post("/api/v1/platforms/rotator/webhook-secret")
                .then().statusCode(400);

        java.time.Instant before = java.time.Instant.now();
        String until = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(rotation)
                .when().post("/api/v1/platforms/rotator/webhook-secret")
                .then().statusCode(200)
                .body("webhookSecretSet", equalTo(true))
                .body("$", not(hasKey("webhookSecret")))
                .extract().path("previousWebhookSecretValidUntil");
        java.time.Instant validUntil = java.time.Instant.parse(until);
        org.junit.jupiter.api.Assertions.assertTrue(!validUntil.isBefore(before.plusSeconds(3600))
                && validUntil.isBefore(before.plusSeconds(3660)), until);
        org.junit.jupiter.api.Assertions.assertNotNull(
                Fixtures.sql("select webhook_previous_secret from platform where id = 'rotator'"));

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(rotation)
                .when().post("/api/v1/platforms/nosuchplatform/webhook-secret")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
