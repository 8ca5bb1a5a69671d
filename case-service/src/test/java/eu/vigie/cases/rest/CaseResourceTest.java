package eu.vigie.cases.rest;

import static eu.vigie.cases.Fixtures.AUDITOR;
import static eu.vigie.cases.Fixtures.FR_REFERRER;
import static eu.vigie.cases.Fixtures.FR_REVIEWER;
import static eu.vigie.cases.Fixtures.GB_REFERRER;
import static eu.vigie.cases.Fixtures.GB_REVIEWER;
import static eu.vigie.cases.Fixtures.GB_REVIEWER_2;
import static eu.vigie.cases.Fixtures.assess;
import static eu.vigie.cases.Fixtures.assessment;
import static eu.vigie.cases.Fixtures.contentKey;
import static eu.vigie.cases.Fixtures.gbCase;
import static eu.vigie.cases.Fixtures.intake;
import static eu.vigie.cases.Fixtures.referral;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.vigie.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class CaseResourceTest {

    @Test
    void anotherJurisdictionThatReferredTheContentLearnsOnlyThatTheCaseExists() {
        String key = contentKey();
        String caseId = intake(referral(UUID.randomUUID(), "GB", "CTIRU", key, "CRISIS", 0.60)).statusCode(201)
                .extract().path("caseId");
        intake(referral(UUID.randomUUID(), "FR", "PHAROS", key, "CRISIS", 0.60)).statusCode(200);

        Map<String, Object> seen = given().auth().oauth2(FR_REFERRER).when().get("/api/v1/cases/{id}", caseId)
                .then().statusCode(200).extract().as(Map.class);
        assertEquals(Map.of("id", caseId, "ownerJurisdiction", "GB", "ownerAgency", "CTIRU", "status", "OPEN"), seen);

        // knowing the case exists does not let France act on it
        given().auth().oauth2(FR_REVIEWER).when().post("/api/v1/cases/{id}/claim", caseId)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(FR_REVIEWER).when().get("/api/v1/cases/{id}/audit", caseId).then().statusCode(404);

        given().auth().oauth2(GB_REFERRER).when().get("/api/v1/cases/{id}", caseId)
                .then().statusCode(200).body("referrals", hasSize(2)).body("contentKey", equalTo(key))
                .body("status", equalTo("OPEN"));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/cases/{id}", caseId)
                .then().statusCode(200).body("referrals", hasSize(2));
    }

    @Test
    void aJurisdictionThatDidNotReferTheContentCannotSeeTheCase() {
        String caseId = gbCase("CRISIS", 0.60);
        given().auth().oauth2(FR_REFERRER).when().get("/api/v1/cases/{id}", caseId)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(FR_REVIEWER).when().get("/api/v1/cases/{id}/audit", caseId)
                .then().statusCode(404);
        given().auth().oauth2(FR_REVIEWER).contentType(ContentType.JSON)
                .body(assessment("TERRORIST_CONTENT", "[\"INCITEMENT\"]"))
                .when().post("/api/v1/cases/{id}/assessment", caseId)
                .then().statusCode(404);
        given().auth().oauth2(FR_REVIEWER).when().post("/api/v1/cases/{id}/claim", caseId)
                .then().statusCode(404);
        given().auth().oauth2(FR_REFERRER).when().get("/api/v1/cases")
                .then().statusCode(200).body("items.id", not(hasItem(caseId)));
        given().when().get("/api/v1/cases/{id}", caseId).then().statusCode(401);
        given().auth().oauth2(TestTokens.platform("examplevideo")).when().get("/api/v1/cases/{id}", caseId)
                .then().statusCode(403);
    }

    @Test
    void listIsFilteredAndPaginatedByCursor() {
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            mine.add(gbCase("PROMOTIONAL", (10 + i) / 100.0));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(GB_REFERRER).queryParam("limit", 2).queryParam("tier", "PROMOTIONAL")
                    .queryParam("status", "OPEN");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/v1/cases").then().statusCode(200)
                    .body("items.size()", org.hamcrest.Matchers.lessThanOrEqualTo(2))
                    .body("items.tier", everyItem(equalTo("PROMOTIONAL")))
                    .body("items.ownerJurisdiction", everyItem(equalTo("GB")))
                    .extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 100);
        assertTrue(seen.containsAll(mine), "every case appears on some page");
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no case appears twice");
        assertTrue(pages >= 2);
    }

    @Test
    void auditorsListEveryJurisdictionsCases() {
        String gb = gbCase("CRISIS", 0.30);
        String fr = intake(referral(UUID.randomUUID(), "FR", "PHAROS", contentKey(), "CRISIS", 0.30)).statusCode(201)
                .extract().path("caseId");
        List<String> ids = given().auth().oauth2(AUDITOR).queryParam("limit", 200).when().get("/api/v1/cases")
                .then().statusCode(200).extract().path("items.id");
        assertTrue(ids.contains(gb) && ids.contains(fr));
        given().auth().oauth2(GB_REFERRER).queryParam("limit", 200).when().get("/api/v1/cases")
                .then().statusCode(200).body("items.id", hasItem(gb)).body("items.id", not(hasItem(fr)));
    }

    @Test
    void theOpenApiDocumentIsPublished() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/cases/{id}/removal-orders"));
    }

    @Test
    void badFiltersAreRefused() {
        given().auth().oauth2(GB_REFERRER).queryParam("status", "SHREDDED").when().get("/api/v1/cases")
                .then().statusCode(400).body("violations.field", hasItem("status"));
        given().auth().oauth2(GB_REFERRER).queryParam("cursor", "not-a-cursor").when().get("/api/v1/cases")
                .then().statusCode(400).body("violations.field", hasItem("cursor"));
        given().auth().oauth2(GB_REFERRER).queryParam("limit", 0).when().get("/api/v1/cases")
                .then().statusCode(400).body("violations.field", hasItem("limit"));
        given().auth().oauth2(GB_REVIEWER).queryParam("limit", "lots").when().get("/api/v1/review-queue")
                .then().statusCode(400).body("violations.field", hasItem("limit"));
        given().auth().oauth2(GB_REFERRER).when().get("/api/v1/cases/{id}", "not-a-uuid")
                .then().statusCode(404);
    }

    @Test
    void reviewQueueIsOrderedByTierThenScoreThenAge() {
        String promotional = gbCase("PROMOTIONAL", 0.99);
        String crisisLow = gbCase("CRISIS", 0.899);
        String crisisHigh = gbCase("CRISIS", 0.90);
        String crisisHighLater = gbCase("CRISIS", 0.90);
        String threat = gbCase("THREAT_TO_LIFE", 0.10);

        List<String> queue = given().auth().oauth2(GB_REVIEWER).queryParam("limit", 200)
                .when().get("/api/v1/review-queue").then().statusCode(200).extract().path("id");
        List<String> expected = List.of(threat, crisisHigh, crisisHighLater, crisisLow, promotional);
        List<String> mineInQueueOrder = queue.stream().filter(expected::contains).toList();
        assertEquals(expected, mineInQueueOrder);

        given().auth().oauth2(GB_REFERRER).when().get("/api/v1/review-queue").then().statusCode(403);
        given().auth().oauth2(FR_REVIEWER).queryParam("limit", 200).when().get("/api/v1/review-queue")
                .then().statusCode(200).body("id", not(hasItem(threat)));
    }

    @Test
    void aClaimHeldBySomeoneElseAnswersConflict() {
        String caseId = gbCase("CRISIS", 0.55);
        given().auth().oauth2(GB_REVIEWER).when().post("/api/v1/cases/{id}/claim", caseId)
                .then().statusCode(200).body("claimedBy", equalTo("gb:gb-reviewer")).body("status", equalTo("IN_REVIEW"));
        given().auth().oauth2(GB_REVIEWER).when().post("/api/v1/cases/{id}/claim", caseId)
                .then().statusCode(200);
        given().auth().oauth2(GB_REVIEWER_2).when().post("/api/v1/cases/{id}/claim", caseId)
                .then().statusCode(409).contentType("application/problem+json");
        assess(GB_REVIEWER_2, caseId, assessment("TERRORIST_CONTENT", "[\"INCITEMENT\"]")).statusCode(409);
        given().auth().oauth2(GB_REFERRER).when().post("/api/v1/cases/{id}/claim", caseId).then().statusCode(403);
    }

    @Test
    void assessmentIsRecordedWithTheAssessorAndItsRulesAreEnforced() {
        String caseId = gbCase("CRISIS", 0.55);
        assess(GB_REVIEWER, caseId, assessment("TERRORIST_CONTENT", "[]")).statusCode(400)
                .body("violations.field", hasItem("categories"));
        assess(GB_REVIEWER, caseId, assessment("TERRORIST_CONTENT", "[\"INCITEMENT\"]").replace("Glorifies a recent attack", " "))
                .statusCode(400).body("violations.field", hasItem("reasons"));
        assess(GB_REVIEWER, caseId, assessment("MAYBE", "[]")).statusCode(400);
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/cases/{id}", caseId)
                .then().body("assessment", nullValue()).body("status", equalTo("OPEN"));

        assess(GB_REVIEWER, caseId, assessment("TERRORIST_CONTENT", "[\"THREAT\",\"INCITEMENT\"]")).statusCode(200)
                .body("status", equalTo("CONFIRMED"))
                .body("assessment.decision", equalTo("TERRORIST_CONTENT"))
                .body("assessment.categories", equalTo(List.of("INCITEMENT", "THREAT")))
                .body("assessment.assessedBy", equalTo("gb:gb-reviewer"))
                .body("assessment.assessedAt", notNullValue())
                .body("history.action", hasItem("CASE_ASSESSED"));
    }
}
