package eu.vigie.cases.rest;

import static eu.vigie.cases.Fixtures.AUDITOR;
import static eu.vigie.cases.Fixtures.FR_REGULATOR;
import static eu.vigie.cases.Fixtures.FR_SCRUTINEER;
import static eu.vigie.cases.Fixtures.GB_ISSUER;
import static eu.vigie.cases.Fixtures.GB_REFERRER;
import static eu.vigie.cases.Fixtures.GB_REGULATOR;
import static eu.vigie.cases.Fixtures.GB_REVIEWER;
import static eu.vigie.cases.Fixtures.annexII;
import static eu.vigie.cases.Fixtures.annexIII;
import static eu.vigie.cases.Fixtures.confirmedGbCaseOn;
import static eu.vigie.cases.Fixtures.deliveryEvent;
import static eu.vigie.cases.Fixtures.issue;
import static eu.vigie.cases.Fixtures.platform;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The regulator's figures: compliance per platform, and the yearly transparency report as JSON and CSV. */
@QuarkusTest
class ReportResourceTest {

    private static String order(String platformId) {
        return issue(GB_ISSUER, confirmedGbCaseOn(platformId), "{}").statusCode(201).extract().path("id");
    }

    private static String status(String orderId) {
        return given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", orderId)
                .then().statusCode(200).extract().path("status");
    }

    @Test
    void complianceCountsOrdersTimesToRemovalAnnexIIIAndBreachesPerPlatform() {
        String platformId = platform("GB", true);
        Instant received = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        // complied after 10 minutes (reported before the receipt was: applied on receipt, as the watch runs)
        String fast = order(platformId);
        annexII(fast, platformId, UUID.randomUUID(), received.plusSeconds(600)).statusCode(200);
        deliveryEvent(fast, UUID.randomUUID(), "RECEIVED", received).statusCode(200)
                .body("status", Matchers.equalTo("COMPLIED"));
        // complied within the hour but reported after the watch marked it overdue: not a breach
        String reportedLate = order(platformId);
        deliveryEvent(reportedLate, UUID.randomUUID(), "RECEIVED", received).statusCode(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> "OVERDUE".equals(status(reportedLate)));
        annexII(reportedLate, platformId, UUID.randomUUID(), received.plusSeconds(1200)).statusCode(200);
        // complied after 90 minutes (the feedback arrived first, applied on receipt: late, never marked overdue)
        String slow = order(platformId);
        annexII(slow, platformId, UUID.randomUUID(), received.plusSeconds(5400)).statusCode(200);
        deliveryEvent(slow, UUID.randomUUID(), "RECEIVED", received).statusCode(200)
                .body("status", Matchers.equalTo("COMPLIED"));
        // never complied: the watch makes it overdue
        String missed = order(platformId);
        deliveryEvent(missed, UUID.randomUUID(), "RECEIVED", received).statusCode(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> "OVERDUE".equals(status(missed)));
        // answered with Annex III within the hour
        String obstacle = order(platformId);
        deliveryEvent(obstacle, UUID.randomUUID(), "RECEIVED", Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .statusCode(200);
        annexIII(obstacle, platformId, UUID.randomUUID(), Instant.now()).statusCode(200)
                .body("status", Matchers.equalTo("SUSPENDED"));

        String from = Instant.now().minus(Duration.ofDays(1)).toString();
        String to = Instant.now().plus(Duration.ofHours(1)).toString();
        for (String token : new String[] { GB_REGULATOR, GB_ISSUER }) {
            JsonPath report = given().auth().oauth2(token)
                    .queryParam("platformId", platformId).queryParam("from", from).queryParam("to", to)
                    .when().get("/api/v1/reports/compliance").then().statusCode(200)
                    .body("jurisdiction", Matchers.equalTo("GB"))
                    .body("platforms", hasSize(1))
                    .extract().jsonPath();
            assertEquals(Map.of("platformId", platformId, "ordersReceived", 5, "complied", 3,
                    "compliedWithinOneHour", 2, "annexIII", 1, "breachesLast12Months", 1),
                    Map.of("platformId", report.getString("platforms[0].platformId"),
                            "ordersReceived", report.getInt("platforms[0].ordersReceived"),
                            "complied", report.getInt("platforms[0].complied"),
                            "compliedWithinOneHour", report.getInt("platforms[0].compliedWithinOneHour"),
                            "annexIII", report.getInt("platforms[0].annexIII"),
                            "breachesLast12Months", report.getInt("platforms[0].breachesLast12Months")));
            assertEquals(0.4, report.getDouble("platforms[0].shareWithinOneHour"), 1e-9);
            assertEquals(1200.0, report.getDouble("platforms[0].medianSecondsToRemoval"), 1e-6);
            assertEquals(4560.0, report.getDouble("platforms[0].p90SecondsToRemoval"), 1e-6);
            assertEquals(0.2, report.getDouble("platforms[0].annexIIIRate"), 1e-9);
        }
        // France issued nothing to this platform: its regulator sees none of GB's figures
        given().auth().oauth2(FR_REGULATOR).queryParam("platformId", platformId)
                .when().get("/api/v1/reports/compliance").then().statusCode(200)
                .body("jurisdiction", Matchers.equalTo("FR")).body("platforms", hasSize(0));
        // a period before the receipts holds no received orders
        given().auth().oauth2(GB_REGULATOR).queryParam("platformId", platformId)
                .queryParam("from", "2025-01-01").queryParam("to", "2025-02-01")
                .when().get("/api/v1/reports/compliance").then().statusCode(200).body("platforms", hasSize(0));
    }

    @Test
    void complianceIsForRegulatorsAndIssuersAndRefusesBadInput() {
        given().when().get("/api/v1/reports/compliance").then().statusCode(401);
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/reports/compliance").then().statusCode(403);
        given().auth().oauth2(AUDITOR).when().get("/api/v1/reports/compliance").then().statusCode(403);
        given().auth().oauth2(GB_REGULATOR).queryParam("from", "yesterday")
                .when().get("/api/v1/reports/compliance").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", Matchers.hasItem("from"));
        given().auth().oauth2(GB_REGULATOR).queryParam("from", "2026-02-01").queryParam("to", "2026-01-01")
                .when().get("/api/v1/reports/compliance").then().statusCode(400);
        given().auth().oauth2(GB_REGULATOR).queryParam("platformId", "Not A Platform")
                .when().get("/api/v1/reports/compliance").then().statusCode(400);
    }

    @Test
    void transparencyCountsTheYearsOrdersAsJsonAndCsv() {
        int year = Instant.now().atZone(ZoneOffset.UTC).getYear();
        JsonPath before = transparency(GB_REGULATOR, year);

        String home = platform("GB", true);
        String complied = order(home);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        deliveryEvent(complied, UUID.randomUUID(), "RECEIVED", now).statusCode(200);
        annexII(complied, home, UUID.randomUUID(), now.plusSeconds(60)).statusCode(200);
        String abroad = platform("FR", true);
        String revoked = order(abroad);
        given().auth().oauth2(FR_SCRUTINEER).contentType(ContentType.JSON)
                .body("{\"decision\":\"REVOKED\",\"reasons\":\"Protected speech\"}")
                .when().post("/api/v1/removal-orders/{id}/scrutiny", revoked).then().statusCode(200);

        JsonPath after = transparency(GB_REGULATOR, year);
        assertEquals(year, after.getInt("year"));
        assertEquals("GB", after.getString("jurisdiction"));
        assertEquals(2, after.getInt("ordersIssued") - before.getInt("ordersIssued"));
        assertEquals(1, after.getInt("crossBorder") - before.getInt("crossBorder"));
        assertEquals(1, after.getInt("scrutinised") - before.getInt("scrutinised"));
        assertEquals(1, after.getInt("scrutinyRevoked") - before.getInt("scrutinyRevoked"));
        assertEquals(0, after.getInt("scrutinyUpheld") - before.getInt("scrutinyUpheld"));
        assertEquals(1, after.getInt("complied") - before.getInt("complied"));
        assertEquals(1, after.getInt("compliedWithinOneHour") - before.getInt("compliedWithinOneHour"));
        assertEquals(1, revokedCount(after) - revokedCount(before));

        String csv = given().auth().oauth2(GB_ISSUER).accept("text/csv").queryParam("year", year)
                .when().get("/api/v1/reports/transparency").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .body(startsWith("figure,value\r\nyear," + year + "\r\njurisdiction,GB\r\n"))
                .extract().asString();
        JsonPath now2 = transparency(GB_ISSUER, year);
        assertEquals(true, csv.contains("\r\nordersIssued," + now2.getInt("ordersIssued") + "\r\n"), csv);
        assertEquals(true, csv.contains("\r\nnotComplied.REVOKED_ON_SCRUTINY," + revokedCount(now2) + "\r\n"), csv);

        // an auditor reads every jurisdiction's figures together, or one
        given().auth().oauth2(AUDITOR).queryParam("year", year).when().get("/api/v1/reports/transparency")
                .then().statusCode(200).body("jurisdiction", Matchers.equalTo("ALL"));
        given().auth().oauth2(AUDITOR).queryParam("year", year).queryParam("jurisdiction", "gb")
                .when().get("/api/v1/reports/transparency").then().statusCode(200)
                .body("ordersIssued", Matchers.equalTo(now2.getInt("ordersIssued")));
    }

    @Test
    void transparencyRefusesOtherRolesOtherJurisdictionsAndBadYears() {
        given().queryParam("year", 2026).when().get("/api/v1/reports/transparency").then().statusCode(401);
        given().auth().oauth2(GB_REFERRER).queryParam("year", 2026).when().get("/api/v1/reports/transparency")
                .then().statusCode(403);
        given().auth().oauth2(FR_REGULATOR).queryParam("year", 2026).queryParam("jurisdiction", "GB")
                .when().get("/api/v1/reports/transparency").then().statusCode(403);
        given().auth().oauth2(GB_REGULATOR).when().get("/api/v1/reports/transparency").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(GB_REGULATOR).queryParam("year", "twenty").when().get("/api/v1/reports/transparency")
                .then().statusCode(400);
        given().auth().oauth2(GB_REGULATOR).queryParam("year", 1999).when().get("/api/v1/reports/transparency")
                .then().statusCode(400);
    }

    private static JsonPath transparency(String token, int year) {
        return given().auth().oauth2(token).accept(ContentType.JSON).queryParam("year", year)
                .when().get("/api/v1/reports/transparency").then().statusCode(200)
                .contentType(containsString("application/json")).extract().jsonPath();
    }

    private static int revokedCount(JsonPath report) {
        Integer count = report.get("notCompliedReasons.REVOKED_ON_SCRUTINY");
        return count == null ? 0 : count;
    }
}
