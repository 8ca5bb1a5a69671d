package eu.vigie.cases.console;

import static eu.vigie.cases.Fixtures.issuedOrder;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.vigie.cases.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The regulator's and the auditor's pages: compliance with charts, the transparency report and its CSV, the trail. */
@QuarkusTest
class ConsoleOversightTest {

    @Test
    void regulatorSeesCompliancePerPlatformWithCharts() {
        String orderId = issuedOrder();
        Instant received = Instant.now().minus(30, ChronoUnit.MINUTES);
        Fixtures.deliveryEvent(orderId, UUID.randomUUID(), "RECEIVED", received).statusCode(200);
        Fixtures.annexII(orderId, UUID.randomUUID(), received.plus(20, ChronoUnit.MINUTES)).statusCode(200);
        ConsoleBrowser regulator = ConsoleBrowser.signedIn("gb", "gb-regulator", "regulator");
        regulator.get("/console/gb/compliance").then().statusCode(200)
                .body(containsString("<th scope=\"row\">examplevideo</th>"), containsString("<svg"),
                        containsString("id=\"share-within-hour\""), containsString("id=\"time-to-removal\""),
                        containsString("20.0 min"));
        Response bad = regulator.get("/console/gb/compliance?from=yesterday");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.asString().contains("must be a date such as 2026-01-31"));
    }

    @Test
    void oneCompliancePageViewRecordsOneReadOfWhatItShowed() throws Exception {
        String orderId = issuedOrder();
        Instant received = Instant.now().minus(10, ChronoUnit.MINUTES);
        Fixtures.deliveryEvent(orderId, UUID.randomUUID(), "RECEIVED", received).statusCode(200);
        String reader = "gb-regulator-" + UUID.randomUUID().toString().substring(0, 8);
        ConsoleBrowser regulator = ConsoleBrowser.signedIn("gb", reader, "regulator");
        String reads = "SELECT count(*) FROM audit_record WHERE action = 'REPORT_READ' AND actor = 'gb:" + reader + "'";
        assertEquals(0L, ((Number) Fixtures.sql(reads)).longValue(), "signing in reads no report");

        regulator.get("/console/gb/compliance?from=2026-01-01&platformId=examplevideo").then().statusCode(200)
                .body(containsString("id=\"time-to-removal\""));
        assertEquals(1L, ((Number) Fixtures.sql(reads)).longValue(), "one view, one read");
        String details = (String) Fixtures.sql("SELECT details FROM audit_record WHERE action = 'REPORT_READ' AND actor = 'gb:"
                + reader + "'");
        YearMonth last = YearMonth.now(ZoneOffset.UTC);
        String months = "\"months\":[\"" + last.minusMonths(5) + "\",\"" + last.minusMonths(4) + "\",\""
                + last.minusMonths(3) + "\",\"" + last.minusMonths(2) + "\",\"" + last.minusMonths(1) + "\",\"" + last
                + "\"]";
        for (String field : List.of("\"report\":\"compliance\"", "\"format\":\"HTML\"", "\"from\":\"2026-01-01T00:00:00Z\"",
                "\"platformId\":null", "\"monthsOfPlatformId\":\"examplevideo\"", months)) {
            assertTrue(details.contains(field), field + " in " + details);
        }

        // a refused view (bad date) reads nothing
        assertEquals(400, regulator.get("/console/gb/compliance?to=never").statusCode());
        assertEquals(1L, ((Number) Fixtures.sql(reads)).longValue());
    }

    @Test
    void transparencyReportAndItsCsv() {
        issuedOrder();
        int year = Instant.now().atZone(ZoneOffset.UTC).getYear();
        ConsoleBrowser regulator = ConsoleBrowser.signedIn("gb", "gb-regulator", "regulator");
        regulator.get("/console/gb/transparency?year=" + year).then().statusCode(200)
                .body(containsString("id=\"transparency\""), containsString("transparency.csv?year=" + year));
        Response csv = regulator.get("/console/gb/transparency.csv?year=" + year);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.header("Content-Disposition").contains("transparency-GB-" + year + ".csv"));
        assertTrue(csv.asString().startsWith("figure,value"), csv.asString());
        regulator.get("/console/gb/transparency?year=nineteen").then().statusCode(400).body(containsString("role=\"alert\""));
    }

    @Test
    void auditorVerifiesTheTrailAndOfficersVerifyTheirCasesChain() {
        String caseId = Fixtures.confirmedGbCase();
        ConsoleBrowser auditor = ConsoleBrowser.signedIn("vigie", "auditor", "auditor");
        auditor.get("/console/vigie/audit?verify=yes").then().statusCode(200)
                .body(containsString("id=\"verification\""), containsString("The trail holds"));
        ConsoleBrowser reviewer = ConsoleBrowser.signedIn("gb", "gb-reviewer", "reviewer");
        reviewer.get("/console/gb/cases/" + caseId + "/audit").then().statusCode(200)
                .body(containsString("id=\"trail-verification\""), containsString("chain holds"), containsString("CASE_ASSESSED"));
        reviewer.get("/console/gb/audit?verify=yes").then().statusCode(403);
    }
}
