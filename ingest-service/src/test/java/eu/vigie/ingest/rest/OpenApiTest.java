package eu.vigie.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpenApiTest {

    @Test
    void publishesThePublicPathsAndHealth() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/referrals"))
                .body("paths", hasKey("/api/v1/referrals/batch"))
                .body("paths", hasKey("/api/v1/referrals/{id}"))
                .body("paths", hasKey("/api/v1/evidence/{sha256}"));
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
