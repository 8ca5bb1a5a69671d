package eu.vigie.cases.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static eu.vigie.cases.Fixtures.FR_ISSUER;
import static eu.vigie.cases.Fixtures.GB_ISSUER;
import static eu.vigie.cases.Fixtures.GB_REVIEWER;
import static eu.vigie.cases.Fixtures.GB_REVIEWER_AND_ISSUER;
import static eu.vigie.cases.Fixtures.assess;
import static eu.vigie.cases.Fixtures.assessment;
import static eu.vigie.cases.Fixtures.confirmedGbCase;
import static eu.vigie.cases.Fixtures.delivered;
import static eu.vigie.cases.Fixtures.gbCase;
import static eu.vigie.cases.Fixtures.notificationsWithId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import eu.vigie.cases.NotifyServiceMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Voluntary referrals: four eyes, the case's jurisdiction, a REFERRAL notification delivered once. */
@QuarkusTest
class VoluntaryReferralTest {

    private static ValidatableResponse refer(String token, String caseId, String body) {
        var request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/{id}/referrals", caseId).then();
    }

    @Test
    void anIssuerRefersAssessedContentAndThePlatformIsNotifiedOnce() throws Exception {
        String caseId = confirmedGbCase();
        String referralId = refer(GB_ISSUER, caseId, "{\"reasons\":\"Breaches your violent extremism policy\"}")
                .statusCode(201)
                .body("caseId", Matchers.equalTo(caseId))
                .body("issuingState", Matchers.equalTo("GB"))
                .body("platformId", Matchers.equalTo("examplevideo"))
                .body("urls", hasSize(1))
                .body("categories", Matchers.equalTo(List.of("INCITEMENT")))
                .body("issuedBy", Matchers.equalTo("gb:gb-issuer"))
                .extract().path("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> notificationsWithId(referralId) == 1);
        NotifyServiceMock.server().verify(1, postRequestedFor(urlEqualTo("/api/v1/notifications"))
                .withRequestBody(matchingJsonPath("$.id", equalTo(referralId)))
                .withRequestBody(matchingJsonPath("$.kind", equalTo("REFERRAL")))
                .withRequestBody(matchingJsonPath("$.subjectType", equalTo("REFERRAL")))
                .withRequestBody(matchingJsonPath("$.platformId", equalTo("examplevideo")))
                .withRequestBody(matchingJsonPath("$.payload.reasons", equalTo("Breaches your violent extremism policy"))));
        Thread.sleep(1500);
        assertEquals(1, notificationsWithId(referralId), "delivered once");
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/cases/{id}", caseId).then().statusCode(200)
                .body("voluntaryReferrals.id", hasItem(referralId))
                .body("removalOrders", hasSize(0))
                .body("history.action", hasItem("REFERRAL_ISSUED"));
    }

    @Test
    void fourEyesRolesAndJurisdictionAreEnforcedAndRefusalsChangeNothing() {
        String caseId = gbCase("CRISIS", 0.70);
        refer(GB_ISSUER, caseId, "{}").statusCode(409).contentType("application/problem+json");
        assess(GB_REVIEWER_AND_ISSUER, caseId, assessment("TERRORIST_CONTENT", "[\"THREAT\"]")).statusCode(200);
        refer(GB_REVIEWER_AND_ISSUER, caseId, "{}").statusCode(403).body("detail", Matchers.containsString("Four-eyes"));
        refer(null, caseId, "{}").statusCode(401);
        refer(GB_REVIEWER, caseId, "{}").statusCode(403);
        refer(FR_ISSUER, caseId, "{}").statusCode(404);
        refer(GB_ISSUER, caseId, "{\"urls\":[\"ftp://x\"]}").statusCode(400);
        refer(GB_ISSUER, caseId, "{\"categories\":[\"GOSSIP\"]}").statusCode(400);
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/cases/{id}", caseId).then()
                .body("voluntaryReferrals", hasSize(0));
        refer(GB_ISSUER, caseId, "{}").statusCode(201).body("categories", Matchers.equalTo(List.of("THREAT")));
    }

    @Test
    void notifyDownTheReferralIsRetriedAndDeliveredOnce() throws Exception {
        NotifyServiceMock.down();
        String referralId;
        try {
            referralId = refer(GB_ISSUER, confirmedGbCase(), "{}").statusCode(201).extract().path("id");
            await().atMost(Duration.ofSeconds(20)).until(() -> notificationsWithId(referralId) >= 2);
        } finally {
            NotifyServiceMock.up();
        }
        int failed = notificationsWithId(referralId);
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(referralId) == 1);
        Thread.sleep(1500);
        assertEquals(failed + 1, notificationsWithId(referralId));
    }
}
