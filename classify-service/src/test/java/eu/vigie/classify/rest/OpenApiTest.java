package eu.vigie.classify.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest {

    @Test
    void openApiDocumentPublishesThePublicPaths() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/banks"))
                .body("paths", hasKey("/api/v1/banks/{name}/signals"))
                .body("paths", hasKey("/api/v1/banks/{name}/signals/batch"))
                .body("paths", hasKey("/api/v1/banks/{name}/signals/export"))
                .body("paths", hasKey("/api/v1/matches"))
                .body("paths", hasKey("/api/v1/matches/batch"))
                .body("paths", hasKey("/api/v1/classifications"))
                .body("paths", hasKey("/api/v1/designated-entities"))
                .body("paths", hasKey("/api/v1/indicators"));
    }

    @Test
    void healthIsPublished() {
        given().when().get("/q/health/live").then().statusCode(200);
        // Ready once the background probe has found the database answering (it runs every second).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .statusCode(200).body("checks.find { it.name == 'database' }.status", is("UP")));
    }
}
