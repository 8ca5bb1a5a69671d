package eu.vigie.cases.console;

import static eu.vigie.cases.Fixtures.issuedOrder;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.vigie.cases.ClassifyServiceMock;
import eu.vigie.cases.Fixtures;
import eu.vigie.cases.IngestServiceMock;
import eu.vigie.cases.NotifyServiceMock;
import eu.vigie.testing.EmbeddedPostgresResource;
import eu.vigie.testing.TestIssuers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The regulator's and the auditor's pages: compliance with charts, the transparency report and its CSV, the trail. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TestIssuers.class)
@QuarkusTestResource(NotifyServiceMock.class)
@QuarkusTestResource(ClassifyServiceMock.class)
@QuarkusTestResource(IngestServiceMock.class)
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
