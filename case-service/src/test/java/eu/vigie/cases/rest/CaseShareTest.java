package eu.vigie.cases.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static eu.vigie.cases.Fixtures.AUDITOR;
import static eu.vigie.cases.Fixtures.FR_ISSUER;
import static eu.vigie.cases.Fixtures.FR_REFERRER;
import static eu.vigie.cases.Fixtures.FR_REGULATOR;
import static eu.vigie.cases.Fixtures.FR_REVIEWER;
import static eu.vigie.cases.Fixtures.GB_ISSUER;
import static eu.vigie.cases.Fixtures.GB_REFERRER;
import static eu.vigie.cases.Fixtures.GB_REVIEWER;
import static eu.vigie.cases.Fixtures.assess;
import static eu.vigie.cases.Fixtures.assessment;
import static eu.vigie.cases.Fixtures.contentKey;
import static eu.vigie.cases.Fixtures.intake;
import static eu.vigie.cases.Fixtures.issue;
import static eu.vigie.cases.Fixtures.referral;
import static eu.vigie.cases.Fixtures.sql;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.vigie.cases.IngestServiceMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class CaseShareTest {

    private static ValidatableResponse share(String token, String caseId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/{id}/shares", caseId).then();
    }

    private static ValidatableResponse read(String token, String caseId) {
        return given().auth().oauth2(token).when().get("/api/v1/cases/{id}", caseId).then();
    }

    @Test
    void whileSharedTheOtherJurisdictionReadsTheFullCaseButCannotActAndRevocationEndsIt() throws Exception {
        String key = contentKey();
        String sha256 = key.substring("sha256:".length());
        String caseId = intake(referral(UUID.randomUUID(), "GB", "CTIRU", key, "CRISIS", 0.7)).statusCode(201)
                .extract().path("caseId");
        read(FR_REVIEWER, caseId).statusCode(404);

        String shareId = share(GB_REVIEWER, caseId, "{\"jurisdiction\":\"FR\",\"reasons\":\"Joint investigation\"}")
                .statusCode(201).body("jurisdiction", equalTo("FR")).body("active", equalTo(true))
                .body("sharedBy", equalTo("gb:gb-reviewer")).extract().path("id");
        // Sharing again while active answers the same share and creates nothing.
        share(GB_ISSUER, caseId, "{\"jurisdiction\":\"FR\",\"reasons\":\"again\"}").statusCode(200)
                .body("id", equalTo(shareId));
        assertEquals("1", sql("SELECT count(*) FROM case_share WHERE case_id = '" + caseId + "'").toString());

        read(FR_REVIEWER, caseId).statusCode(200).body("contentKey", equalTo(key)).body("referrals", hasSize(1))
                .body("shares[0].jurisdiction", equalTo("FR"));
        read(FR_REGULATOR, caseId).statusCode(200).body("contentKey", equalTo(key));
        read(FR_ISSUER, caseId).statusCode(200).body("contentKey", equalTo(key));
        // A referrer of the shared jurisdiction learns only that the case exists.
        read(FR_REFERRER, caseId).statusCode(200).body("contentKey", nullValue()).body("ownerJurisdiction", equalTo("GB"));
        // Reading is not acting.
        assess(FR_REVIEWER, caseId, assessment("TERRORIST_CONTENT", "[\"INCITEMENT\"]")).statusCode(403)
                .contentType("application/problem+json");
        share(FR_REVIEWER, caseId, "{\"jurisdiction\":\"DE\",\"reasons\":\"pass it on\"}").statusCode(403);
        assertEquals("OPEN", sql("SELECT status FROM vigie_case WHERE id = '" + caseId + "'"));
        assertEquals("1", sql("SELECT count(*) FROM audit_record WHERE case_id = '" + caseId
                + "' AND action = 'CASE_READ' AND actor = 'fr:fr-reviewer' AND details LIKE '%\"access\":\"SHARED\"%'")
                .toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> IngestServiceMock.server().findAll(
                putRequestedFor(urlEqualTo("/api/v1/evidence/" + sha256 + "/shares/FR"))
                        .withRequestBody(matchingJsonPath("$.caseId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(caseId)))
                        .withRequestBody(matchingJsonPath("$.shareId", com.github.tomakehurst.wiremock.client.WireMock.equalTo(shareId)))
                        .withRequestBody(matchingJsonPath("$.sharedAt"))).size() == 1);

        given().auth().oauth2(GB_ISSUER).when().delete("/api/v1/cases/{id}/shares/{j}", caseId, "FR").then()
                .statusCode(200).body("active", equalTo(false)).body("revokedBy", equalTo("gb:gb-issuer"))
                .body("revokedAt", notNullValue());
        read(FR_REVIEWER, caseId).statusCode(404);
        given().auth().oauth2(GB_ISSUER).when().delete("/api/v1/cases/{id}/shares/{j}", caseId, "FR").then()
                .statusCode(404).contentType("application/problem+json");
        await().atMost(Duration.ofSeconds(20)).until(() -> IngestServiceMock.server().findAll(
                deleteRequestedFor(urlEqualTo("/api/v1/evidence/" + sha256 + "/shares/FR"))).size() == 1);

        given().auth().oauth2(AUDITOR).when().get("/api/v1/cases/{id}/shares", caseId).then().statusCode(200)
                .body("", hasSize(1)).body("[0].active", equalTo(false));
        read(GB_REVIEWER, caseId).statusCode(200).body("history.action", hasItem("CASE_SHARED"))
                .body("history.action", hasItem("CASE_SHARE_REVOKED"));
    }

    @Test
    void onlyTheOwnersReviewersAndIssuersShareAndBadRequestsChangeNothing() throws Exception {
        String caseId = eu.vigie.cases.Fixtures.confirmedGbCase();
        String body = "{\"jurisdiction\":\"FR\",\"reasons\":\"Joint investigation\"}";
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/cases/{id}/shares", caseId).then()
                .statusCode(401).contentType("application/problem+json");
        share(GB_REFERRER, caseId, body).statusCode(403).contentType("application/problem+json");
        share(FR_ISSUER, caseId, body).statusCode(404);
        share(GB_REVIEWER, caseId, "{\"jurisdiction\":\"GB\",\"reasons\":\"self\"}").statusCode(400)
                .body("violations.field", hasItem("jurisdiction"));
        share(GB_REVIEWER, caseId, "{\"jurisdiction\":\"fr\",\"reasons\":\"x\"}").statusCode(400)
                .body("violations.field", hasItem("jurisdiction"));
        share(GB_REVIEWER, caseId, "{\"jurisdiction\":\"FR\",\"reasons\":\" \"}").statusCode(400)
                .body("violations.field", hasItem("reasons"));
        given().auth().oauth2(FR_ISSUER).when().delete("/api/v1/cases/{id}/shares/{j}", caseId, "FR").then()
                .statusCode(404);
        assertEquals("0", sql("SELECT count(*) FROM case_share WHERE case_id = '" + caseId + "'").toString());
        // Shared or not, another jurisdiction's issuer does not issue on the case.
        share(GB_ISSUER, caseId, body).statusCode(201);
        issue(FR_ISSUER, caseId, "{}").statusCode(403);
    }
}
