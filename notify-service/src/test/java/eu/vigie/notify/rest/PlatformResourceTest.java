package eu.vigie.notify.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;

import eu.vigie.testing.EmbeddedPostgresResource;
import eu.vigie.testing.TestIssuers;
import eu.vigie.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TestIssuers.class)
class PlatformResourceTest {

    private static String body(String id, String host) {
        return """
                {"id":"%s","name":"Example Video","hostnames":["%s"],"homeJurisdiction":"IE",
                 "email":"abuse@%s","webhookUrl":"https://93.184.215.14/hook","webhookSecret":"whsec_0123456789abcdef0123456789",
                 "languages":["en","fr"]}
                """.formatted(id, host, host);
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
}
