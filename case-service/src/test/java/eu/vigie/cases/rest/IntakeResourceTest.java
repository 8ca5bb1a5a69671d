package eu.vigie.cases.rest;

import static eu.vigie.cases.Fixtures.FR_REFERRER;
import static eu.vigie.cases.Fixtures.GB_REVIEWER;
import static eu.vigie.cases.Fixtures.INGEST;
import static eu.vigie.cases.Fixtures.contentKey;
import static eu.vigie.cases.Fixtures.intake;
import static eu.vigie.cases.Fixtures.referral;
import static eu.vigie.cases.Fixtures.sql;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.vigie.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class IntakeResourceTest {

    @Test
    void firstReferralOpensCaseAndReplayAnswersTheSameCreatingNothing() throws Exception {
        UUID referralId = UUID.randomUUID();
        String body = referral(referralId, "GB", "CTIRU", contentKey(), "CRISIS", 0.7);
        String caseId = intake(body).statusCode(201)
                .body("created", equalTo(true))
                .body("ownerJurisdiction", equalTo("GB"))
                .body("status", equalTo("OPEN"))
                .extract().path("caseId");

        intake(body).statusCode(201).body("caseId", equalTo(caseId)).body("created", equalTo(true));

        assertEquals(1L, ((Number) sql("SELECT count(*) FROM case_referral WHERE case_id = '" + caseId + "'")).longValue());
        assertEquals(1L, ((Number) sql("SELECT count(*) FROM audit_record WHERE case_id = '" + caseId + "'")).longValue());
    }

    @Test
    void laterReferralFromAnotherJurisdictionAttachesToTheFirstOwnersCase() {
        String key = contentKey();
        String caseId = intake(referral(UUID.randomUUID(), "GB", "CTIRU", key, "PROMOTIONAL", 0.40)).statusCode(201)
                .extract().path("caseId");

        intake(referral(UUID.randomUUID(), "FR", "PHAROS", key, "THREAT_TO_LIFE", 0.95)).statusCode(200)
                .body("caseId", equalTo(caseId))
                .body("created", equalTo(false))
                .body("ownerJurisdiction", equalTo("GB"));

        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/cases/{id}", caseId)
                .then().statusCode(200)
                .body("ownerJurisdiction", equalTo("GB"))
                .body("ownerAgency", equalTo("CTIRU"))
                .body("referrals", hasSize(2))
                .body("referrals.jurisdiction", hasItem("FR"))
                // the more urgent classification now sets the priority
                .body("tier", equalTo("THREAT_TO_LIFE"))
                .body("score", equalTo(0.95f))
                .body("routing", equalTo("FAST_TRACK_REVIEW"))
                .body("classification.tier", equalTo("THREAT_TO_LIFE"));
    }

    @Test
    void onlyTheServiceRoleMayHandOverReferrals() {
        String body = referral(UUID.randomUUID(), "GB", "CTIRU", contentKey(), null, 0.0);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/intake/referrals")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(FR_REFERRER).contentType(ContentType.JSON).body(body).when().post("/api/v1/intake/referrals")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.gb("mallory", "service")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/intake/referrals")
                .then().statusCode(403);
    }

    @Test
    void invalidReferralIsRefusedAndCreatesNothing() throws Exception {
        long before = ((Number) sql("SELECT count(*) FROM vigie_case")).longValue();
        UUID referralId = UUID.randomUUID();
        String badKey = referral(referralId, "GB", "CTIRU", contentKey(), null, 0.0)
                .replaceFirst("\"contentKey\":\"sha256:[0-9a-f]{64}\"", "\"contentKey\":\"md5:abc\"");
        given().auth().oauth2(INGEST).contentType(ContentType.JSON).body(badKey).when().post("/api/v1/intake/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("contentKey"));

        String badTier = referral(UUID.randomUUID(), "GB", "CTIRU", contentKey(), "APOCALYPSE", 0.10);
        given().auth().oauth2(INGEST).contentType(ContentType.JSON).body(badTier).when().post("/api/v1/intake/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("classification"));

        String badJurisdiction = referral(UUID.randomUUID(), "gb", "CTIRU", contentKey(), null, 0.0);
        given().auth().oauth2(INGEST).contentType(ContentType.JSON).body(badJurisdiction)
                .when().post("/api/v1/intake/referrals")
                .then().statusCode(400).body("violations.field", hasItem("jurisdiction"));

        given().auth().oauth2(INGEST).contentType(ContentType.JSON).body("{\"referralId\": [")
                .when().post("/api/v1/intake/referrals")
                .then().statusCode(400).contentType("application/problem+json");

        assertEquals(before, ((Number) sql("SELECT count(*) FROM vigie_case")).longValue());
    }

    @Test
    void classificationScoreMustBeAFractionWithAtMostThreeDecimalsAndRoutingANewName() throws Exception {
        long before = ((Number) sql("SELECT count(*) FROM vigie_case")).longValue();
        String valid = referral(UUID.randomUUID(), "GB", "CTIRU", contentKey(), "CRISIS", 0.5);
        String retiredScale = valid.replace("\"score\":0.5", "\"score\":87");
        String tooPrecise = valid.replace("\"score\":0.5", "\"score\":0.1234");
        String negative = valid.replace("\"score\":0.5", "\"score\":-0.1");
        String text = valid.replace("\"score\":0.5", "\"score\":\"0.5\"");
        String retiredRouting = valid.replace("\"routing\":\"NORMAL_REVIEW\"", "\"routing\":\"PRIORITY_REVIEW\"");
        for (String body : java.util.List.of(retiredScale, tooPrecise, negative, text)) {
            intake(body).statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("classification.score"));
        }
        intake(retiredRouting).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("classification.routing"));
        assertEquals(before, ((Number) sql("SELECT count(*) FROM vigie_case")).longValue());

        String caseId = intake(valid.replace("\"score\":0.5", "\"score\":0.125")).statusCode(201)
                .extract().path("caseId");
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/cases/{id}", caseId).then().statusCode(200)
                .body("score", equalTo(0.125f)).body("routing", equalTo("NORMAL_REVIEW"));
        assertEquals(new java.math.BigDecimal("0.125"),
                sql("SELECT score FROM vigie_case WHERE id = '" + caseId + "'"));
    }
}
