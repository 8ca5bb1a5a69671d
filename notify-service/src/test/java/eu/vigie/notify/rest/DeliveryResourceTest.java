package eu.vigie.notify.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.vigie.notify.Fixtures;
import eu.vigie.notify.WireMockNeighbours;
import eu.vigie.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(WireMockNeighbours.class)
class DeliveryResourceTest {

    @Test
    void issuersAndRegulatorsSeeOnlyTheirJurisdiction() {
        String platform = Fixtures.uniqueId("proof");
        Fixtures.registerPlatform(platform, null);
        UUID gbOrder = UUID.randomUUID();
        UUID frOrder = UUID.randomUUID();
        Fixtures.notifyOrder(UUID.randomUUID(), platform, gbOrder, "GB");
        Fixtures.notifyOrder(UUID.randomUUID(), platform, frOrder, "FR");

        given().auth().oauth2(TestTokens.gb("officer", "issuer")).queryParam("subjectId", gbOrder.toString())
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .body("items.subjectId", everyItem(equalTo(gbOrder.toString())))
                // A platform without a webhook: its inbox, and its contact point's e-mail.
                .body("items.channel", contains("INBOX", "EMAIL"))
                .body("items[0].status", equalTo("PENDING"))
                .body("items[0].jurisdiction", equalTo("GB"))
                .body("items[0].sentAt", notNullValue());
        given().auth().oauth2(TestTokens.fr("officier", "issuer")).queryParam("subjectId", gbOrder.toString())
                .when().get("/api/v1/deliveries")
                .then().statusCode(200).body("items", empty());
        given().auth().oauth2(TestTokens.government("fr", "arcom", "ARCOM", "regulator"))
                .queryParam("platformId", platform)
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .body("items.subjectId", everyItem(equalTo(frOrder.toString())))
                .body("items.channel", contains("INBOX", "EMAIL"))
                .body("items.jurisdiction", everyItem(equalTo("FR")));
        given().auth().oauth2(TestTokens.service("case-service")).queryParam("platformId", platform)
                .when().get("/api/v1/deliveries")
                .then().statusCode(200)
                .body("items.subjectId", hasItem(gbOrder.toString()))
                .body("items.subjectId", hasItem(frOrder.toString()));
    }

    @Test
    void othersMayNotReadTheProof() {
        given().when().get("/api/v1/deliveries").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.platform("examplevideo")).when().get("/api/v1/deliveries")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.gb("referrer", "referrer")).when().get("/api/v1/deliveries")
                .then().statusCode(403);
    }

    @Test
    void badFiltersAreRefused() {
        given().auth().oauth2(TestTokens.admin()).queryParam("status", "LOST").when().get("/api/v1/deliveries")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("status"));
        given().auth().oauth2(TestTokens.admin()).queryParam("subjectId", "not-a-uuid").when().get("/api/v1/deliveries")
                .then().statusCode(400).body("violations.field", contains("subjectId"));
        given().auth().oauth2(TestTokens.admin()).queryParam("limit", 1000).when().get("/api/v1/deliveries")
                .then().statusCode(400);
    }
}
