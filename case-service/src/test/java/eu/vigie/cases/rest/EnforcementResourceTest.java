package eu.vigie.cases.rest;

import static eu.vigie.cases.Fixtures.AUDITOR;
import static eu.vigie.cases.Fixtures.FR_REGULATOR;
import static eu.vigie.cases.Fixtures.GB_ISSUER;
import static eu.vigie.cases.Fixtures.GB_REGULATOR;
import static eu.vigie.cases.Fixtures.annexII;
import static eu.vigie.cases.Fixtures.annexIII;
import static eu.vigie.cases.Fixtures.confirmedGbCaseOn;
import static eu.vigie.cases.Fixtures.deliveryEvent;
import static eu.vigie.cases.Fixtures.issue;
import static eu.vigie.cases.Fixtures.platform;
import static eu.vigie.cases.Fixtures.sql;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import eu.vigie.cases.TestClock;
import eu.vigie.cases.service.OverdueCheck;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class EnforcementResourceTest {

    @Inject
    OverdueCheck watch;

    @AfterEach
    void restore() {
        TestClock.reset();
    }

    /** A platform of its own with one overdue order and one suspended by Annex III (FORCE_MAJEURE); answers [platform, overdue order]. */
    private String[] platformWithBreach() {
        String platformId = platform("GB", true);
        String overdue = issue(GB_ISSUER, confirmedGbCaseOn(platformId), "{}").statusCode(201).extract().path("id");
        String suspended = issue(GB_ISSUER, confirmedGbCaseOn(platformId), "{}").statusCode(201).extract().path("id");
        Instant now = TestClock.current().truncatedTo(ChronoUnit.MILLIS);
        deliveryEvent(overdue, UUID.randomUUID(), "RECEIVED", now).statusCode(200);
        deliveryEvent(suspended, UUID.randomUUID(), "RECEIVED", now).statusCode(200);
        annexIII(suspended, platformId, UUID.randomUUID(), now.plusSeconds(60)).statusCode(200);
        TestClock.advance(Duration.ofMinutes(61));
        watch.run();
        return new String[] { platformId, overdue };
    }

    private static ValidatableResponse open(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/enforcement-proceedings").then();
    }

    private static ValidatableResponse post(String token, String id, String step, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/enforcement-proceedings/{id}/" + step, id).then();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonPath transparency() {
        int year = Instant.now().atZone(ZoneOffset.UTC).getYear();
        return given().auth().oauth2(GB_REGULATOR).queryParam("year", year).when().get("/api/v1/reports/transparency")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aRegulatorOpensOnAFrozenHashedPackRecordsRepresentationsAndDecidesAPenaltyThatTheReportCounts() throws Exception {
        String[] breach = platformWithBreach();
        String platformId = breach[0];
        JsonPath before = transparency();

        JsonPath opened = open(GB_REGULATOR, "{\"platformId\":\"" + platformId + "\",\"grounds\":\"Persistent failure\"}")
                .statusCode(201).body("status", equalTo("OPEN")).body("jurisdiction", equalTo("GB"))
                .body("ordersInPack", equalTo(2)).body("breachesLast12Months", equalTo(1))
                .body("evidencePack.annexIIIReasons.FORCE_MAJEURE", equalTo(1))
                .body("evidencePack.orders.state.status", hasItem("OVERDUE"))
                .body("evidencePack.orders[0].proofOfDelivery[0].type", equalTo("RECEIVED"))
                .body("evidencePack.orders[0].order.referenceNumber", org.hamcrest.Matchers.notNullValue())
                .extract().jsonPath();
        String id = opened.getString("id");
        String hash = opened.getString("evidenceHash");
        String stored = (String) sql("SELECT evidence_pack FROM enforcement_proceeding WHERE id = '" + id + "'");
        assertEquals(sha256(stored), hash, "evidenceHash is the SHA-256 of the frozen pack");

        // Frozen: the order complied with later does not change the pack.
        annexII(breach[1], platformId, UUID.randomUUID(), TestClock.current().truncatedTo(ChronoUnit.MILLIS))
                .statusCode(200);
        given().auth().oauth2(GB_REGULATOR).when().get("/api/v1/enforcement-proceedings/{id}", id).then()
                .statusCode(200).body("evidenceHash", equalTo(hash))
                .body("evidencePack.orders.state.status", hasItem("OVERDUE"));

        post(GB_REGULATOR, id, "representations", "{\"receivedAt\":\"" + TestClock.current().plus(Duration.ofDays(1))
                + "\",\"summary\":\"x\",\"documentReference\":\"REP-1\"}").statusCode(400)
                .body("violations.field", hasItem("receivedAt"));
        post(GB_REGULATOR, id, "representations", "{\"receivedAt\":\"" + TestClock.current().truncatedTo(ChronoUnit.SECONDS)
                + "\",\"summary\":\"The outage was beyond our control\",\"documentReference\":\"REP-1\"}")
                .statusCode(200).body("status", equalTo("REPRESENTATIONS_RECEIVED"))
                .body("representations", hasSize(1)).body("representations[0].documentReference", equalTo("REP-1"));

        post(GB_REGULATOR, id, "decision", "{\"outcome\":\"PENALTY\",\"amount\":1000000.50,\"currency\":\"GBP\","
                + "\"legalBasis\":\"ONLINE_SAFETY_ACT_2023\",\"reasons\":\"Two missed deadlines\"}").statusCode(200)
                .body("status", equalTo("DECIDED")).body("decision.outcome", equalTo("PENALTY"))
                .body("decision.amount", equalTo(1000000.5f)).body("decision.currency", equalTo("GBP"))
                .body("decision.decidedBy", equalTo("gb:gb-regulator"));
        post(GB_REGULATOR, id, "decision", "{\"outcome\":\"WARNING\",\"legalBasis\":\"TCO_ART_18\",\"reasons\":\"again\"}")
                .statusCode(409).contentType("application/problem+json");
        post(GB_REGULATOR, id, "representations", "{\"receivedAt\":\"" + TestClock.current().truncatedTo(ChronoUnit.SECONDS)
                + "\",\"summary\":\"late\",\"documentReference\":\"REP-2\"}").statusCode(409);

        JsonPath after = transparency();
        assertEquals(before.getLong("penaltiesRecorded") + 1, after.getLong("penaltiesRecorded"));
        BigDecimal gbpBefore = before.get("penaltyAmounts.GBP") == null ? BigDecimal.ZERO
                : new BigDecimal(before.get("penaltyAmounts.GBP").toString());
        assertEquals(0, gbpBefore.add(new BigDecimal("1000000.50"))
                .compareTo(new BigDecimal(after.get("penaltyAmounts.GBP").toString())));
        String csv = given().auth().oauth2(GB_REGULATOR).accept("text/csv")
                .queryParam("year", Instant.now().atZone(ZoneOffset.UTC).getYear())
                .when().get("/api/v1/reports/transparency").then().statusCode(200).extract().asString();
        assertTrue(csv.contains("penaltiesRecorded," + after.getLong("penaltiesRecorded") + "\r\n"), csv);
        assertTrue(csv.contains("penalties.GBP,"), csv);

        given().auth().oauth2(AUDITOR).when().get("/api/v1/enforcement-proceedings/{id}", id).then().statusCode(200)
                .body("decision.legalBasis", equalTo("ONLINE_SAFETY_ACT_2023"));
        assertEquals("3", sql("SELECT count(*) FROM audit_record WHERE subject_id = '" + id + "' AND action IN "
                + "('ENFORCEMENT_OPENED','ENFORCEMENT_REPRESENTATIONS_RECORDED','ENFORCEMENT_DECIDED')").toString());
        assertTrue(((Number) sql("SELECT count(*) FROM audit_record WHERE subject_id = '" + id
                + "' AND action = 'ENFORCEMENT_READ' AND actor = 'vigie:auditor'")).longValue() >= 1);
    }

    @Test
    void onlyTheRegulatorOfTheJurisdictionActsAndAuditorsRead() {
        String platformId = platformWithBreach()[0];
        String body = "{\"platformId\":\"" + platformId + "\",\"grounds\":\"Persistent failure\"}";
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/enforcement-proceedings").then()
                .statusCode(401).contentType("application/problem+json");
        open(GB_ISSUER, body).statusCode(403).contentType("application/problem+json");
        open(AUDITOR, body).statusCode(403);
        // France issued no order to this platform: nothing to open a proceeding on.
        open(FR_REGULATOR, body).statusCode(422).contentType("application/problem+json");
        String id = open(GB_REGULATOR, body).statusCode(201).extract().path("id");

        given().auth().oauth2(FR_REGULATOR).when().get("/api/v1/enforcement-proceedings/{id}", id).then().statusCode(404);
        post(FR_REGULATOR, id, "decision", "{\"outcome\":\"NO_ACTION\",\"legalBasis\":\"TCO_ART_18\",\"reasons\":\"x\"}")
                .statusCode(404);
        given().auth().oauth2(FR_REGULATOR).when().get("/api/v1/enforcement-proceedings").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem(id)));
        given().auth().oauth2(GB_REGULATOR).when().get("/api/v1/enforcement-proceedings").then().statusCode(200)
                .body("id", hasItem(id)).body("find { it.id == '" + id + "' }.evidencePack", nullValue());
        given().auth().oauth2(AUDITOR).when().get("/api/v1/enforcement-proceedings/{id}", id).then().statusCode(200);
        post(AUDITOR, id, "decision", "{\"outcome\":\"NO_ACTION\",\"legalBasis\":\"TCO_ART_18\",\"reasons\":\"x\"}")
                .statusCode(403);
    }

    @Test
    void invalidDecisionsAreRefusedAndChangeNothing() throws Exception {
        String platformId = platformWithBreach()[0];
        open(GB_REGULATOR, "{\"platformId\":\"Not A Slug\",\"grounds\":\"x\"}").statusCode(400)
                .body("violations.field", hasItem("platformId"));
        open(GB_REGULATOR, "{\"platformId\":\"" + platformId + "\",\"grounds\":\" \"}").statusCode(400);
        String id = open(GB_REGULATOR, "{\"platformId\":\"" + platformId + "\",\"grounds\":\"Failures\"}")
                .statusCode(201).extract().path("id");
        String[] bad = {
            "{\"outcome\":\"PENALTY\",\"amount\":0,\"currency\":\"GBP\",\"legalBasis\":\"TCO_ART_18\",\"reasons\":\"x\"}",
            "{\"outcome\":\"PENALTY\",\"amount\":-5,\"currency\":\"GBP\",\"legalBasis\":\"TCO_ART_18\",\"reasons\":\"x\"}",
            "{\"outcome\":\"PENALTY\",\"amount\":10,\"legalBasis\":\"TCO_ART_18\",\"reasons\":\"x\"}",
            "{\"outcome\":\"PENALTY\",\"amount\":10,\"currency\":\"ABC\",\"legalBasis\":\"TCO_ART_18\",\"reasons\":\"x\"}",
            "{\"outcome\":\"PENALTY\",\"amount\":10.001,\"currency\":\"EUR\",\"legalBasis\":\"TCO_ART_18\",\"reasons\":\"x\"}",
            "{\"outcome\":\"PENALTY\",\"amount\":10,\"currency\":\"EUR\",\"legalBasis\":\"GDPR\",\"reasons\":\"x\"}",
            "{\"outcome\":\"PENALTY\",\"amount\":10,\"currency\":\"EUR\",\"reasons\":\"x\"}",
            "{\"outcome\":\"WARNING\",\"amount\":10,\"legalBasis\":\"TCO_ART_18\",\"reasons\":\"x\"}",
            "{\"outcome\":\"WARNING\",\"currency\":\"EUR\",\"legalBasis\":\"TCO_ART_18\",\"reasons\":\"x\"}",
            "{\"outcome\":\"FINE\",\"legalBasis\":\"TCO_ART_18\",\"reasons\":\"x\"}",
            "{\"outcome\":\"NO_ACTION\",\"legalBasis\":\"TCO_ART_18\",\"reasons\":\"\"}"
        };
        for (String body : bad) {
            post(GB_REGULATOR, id, "decision", body).statusCode(400).contentType("application/problem+json");
        }
        assertEquals("OPEN", sql("SELECT status FROM enforcement_proceeding WHERE id = '" + id + "'"));
        // Decided straight from OPEN.
        post(GB_REGULATOR, id, "decision", "{\"outcome\":\"WARNING\",\"legalBasis\":\"TCO_ART_18\","
                + "\"reasons\":\"First breach\"}").statusCode(200).body("status", equalTo("DECIDED"))
                .body("decision.amount", nullValue());
    }

    @Test
    void twoRegulatorsDecidingAtOnceOneWinsTheOtherGetsConflict() throws Exception {
        String platformId = platformWithBreach()[0];
        String id = open(GB_REGULATOR, "{\"platformId\":\"" + platformId + "\",\"grounds\":\"Failures\"}")
                .statusCode(201).extract().path("id");
        String second = eu.vigie.testing.TestTokens.gb("gb-regulator-2", "regulator");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = List.of(
                    () -> post(GB_REGULATOR, id, "decision", "{\"outcome\":\"WARNING\",\"legalBasis\":\"TCO_ART_18\","
                            + "\"reasons\":\"one\"}").extract().statusCode(),
                    () -> post(second, id, "decision", "{\"outcome\":\"NO_ACTION\",\"legalBasis\":\"TCO_ART_18\","
                            + "\"reasons\":\"two\"}").extract().statusCode());
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        statuses.sort(null);
        assertEquals(List.of(200, 409), statuses);
        assertEquals("1", sql("SELECT count(*) FROM audit_record WHERE subject_id = '" + id
                + "' AND action = 'ENFORCEMENT_DECIDED'").toString());
        String reasons = given().auth().oauth2(GB_REGULATOR).when().get("/api/v1/enforcement-proceedings/{id}", id)
                .then().statusCode(200).extract().path("decision.reasons");
        String outcome = (String) sql("SELECT decision_outcome FROM enforcement_proceeding WHERE id = '" + id + "'");
        assertEquals("one".equals(reasons) ? "WARNING" : "NO_ACTION", outcome, "the winner's decision, whole");
        assertTrue(List.of("one", "two").contains(reasons), reasons);
    }
}
