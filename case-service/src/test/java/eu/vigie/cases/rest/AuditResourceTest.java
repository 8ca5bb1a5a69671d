package eu.vigie.cases.rest;

import static eu.vigie.cases.Fixtures.AUDITOR;
import static eu.vigie.cases.Fixtures.GB_ISSUER;
import static eu.vigie.cases.Fixtures.GB_REVIEWER;
import static eu.vigie.cases.Fixtures.FR_REVIEWER;
import static eu.vigie.cases.Fixtures.confirmedGbCase;
import static eu.vigie.cases.Fixtures.issue;
import static eu.vigie.cases.Fixtures.jdbcUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuditResourceTest {

    @Test
    void caseTrailRecordsEveryDecisionInChainOrder() {
        String caseId = confirmedGbCase();
        issue(GB_ISSUER, caseId, "{}").statusCode(201);
        List<String> actions = given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/cases/{id}/audit", caseId)
                .then().statusCode(200).extract().path("action");
        assertEquals(List.of("CASE_OPENED", "CASE_ASSESSED", "ORDER_ISSUED"), actions);
        List<Integer> sequences = given().auth().oauth2(AUDITOR).when().get("/api/v1/cases/{id}/audit", caseId)
                .then().statusCode(200).extract().path("sequence");
        assertTrue(sequences.get(0) < sequences.get(1) && sequences.get(1) < sequences.get(2));
        given().auth().oauth2(FR_REVIEWER).when().get("/api/v1/cases/{id}/audit", caseId).then().statusCode(404);
    }

    @Test
    void verifyRecomputesTheChainAndFindsATamperedRecord() throws Exception {
        confirmedGbCase();
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/verify")
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("records", greaterThan(1))
                .body("firstBrokenSequence", nullValue());

        try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres")) {
            long target;
            String original;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT sequence, details FROM audit_record ORDER BY sequence LIMIT 1 OFFSET 1")) {
                rs.next();
                target = rs.getLong(1);
                original = rs.getString(2);
            }
            setDetails(c, target, "{\"decision\":\"NOT_TERRORIST_CONTENT\"}");
            try {
                given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/verify")
                        .then().statusCode(200)
                        .body("valid", equalTo(false))
                        .body("firstBrokenSequence", equalTo((int) target));
            } finally {
                setDetails(c, target, original);
            }
        }
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/verify").then().body("valid", equalTo(true));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditRecords() throws Exception {
        confirmedGbCase();
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
                Statement s = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> s.executeUpdate("UPDATE audit_record SET actor = 'nobody'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit_record"));
            assertThrows(SQLException.class, () -> s.executeUpdate("TRUNCATE audit_record"));
        }
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/verify").then().body("valid", equalTo(true));
    }

    @Test
    void onlyAuditorsVerify() {
        given().when().get("/api/v1/audit/verify").then().statusCode(401);
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/audit/verify").then().statusCode(403)
                .contentType("application/problem+json");
    }

    private static long sequenceOf(String caseId, String action) throws Exception {
        return ((Number) eu.vigie.cases.Fixtures.sql("SELECT min(sequence) FROM audit_record WHERE case_id = '" + caseId
                + "' AND action = '" + action + "'")).longValue();
    }

    @Test
    void eachRecordLinksToItsPredecessorInItsCaseAndInTheGlobalChain() {
        String first = confirmedGbCase();
        String second = confirmedGbCase();
        issue(GB_ISSUER, first, "{}").statusCode(201);
        io.restassured.path.json.JsonPath trail = given().auth().oauth2(AUDITOR).queryParam("verify", "true")
                .when().get("/api/v1/cases/{id}/audit", first).then().statusCode(200)
                .body("verification.valid", equalTo(true))
                .body("verification.caseId", equalTo(first))
                .body("verification.firstBrokenSequence", nullValue())
                .extract().jsonPath();
        List<String> hashes = trail.getList("records.hash");
        List<String> caseLinks = trail.getList("records.casePreviousHash");
        List<Integer> sequences = trail.getList("records.sequence");
        assertEquals(List.of("CASE_OPENED", "CASE_ASSESSED", "ORDER_ISSUED"), trail.getList("records.action"));
        assertEquals("0".repeat(64), caseLinks.get(0));
        for (int i = 1; i < hashes.size(); i++) {
            assertEquals(hashes.get(i - 1), caseLinks.get(i), "case link of record " + sequences.get(i));
        }
        // The second case's records sit between the first case's in the global chain: its links differ.
        List<String> globalLinks = trail.getList("records.previousHash");
        assertTrue(!globalLinks.get(2).equals(hashes.get(1)), "the global predecessor of ORDER_ISSUED is another case's");
        assertEquals(trail.getString("verification.lastHash"), hashes.get(hashes.size() - 1));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/cases/{id}/audit", second).then().statusCode(200)
                .body("[0].casePreviousHash", equalTo("0".repeat(64)));
        given().auth().oauth2(AUDITOR).queryParam("verify", "maybe").when().get("/api/v1/cases/{id}/audit", first)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("caseChains.valid", equalTo(true))
                .body("caseChains.cases", greaterThan(1)).body("caseChains.firstBrokenSequence", nullValue());
    }

    @Test
    void alteringACaseRecordIsLocatedInBothChainsAndOnlyInItsOwnCase() throws Exception {
        String altered = confirmedGbCase();
        String untouched = confirmedGbCase();
        long target = sequenceOf(altered, "CASE_ASSESSED");
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres")) {
            String original;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT details FROM audit_record WHERE sequence = " + target)) {
                rs.next();
                original = rs.getString(1);
            }
            setDetails(c, target, original.replace("TERRORIST_CONTENT", "NOT_TERRORIST_CONTENT"));
            try {
                given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/verify").then().statusCode(200)
                        .body("valid", equalTo(false))
                        .body("firstBrokenSequence", equalTo((int) target))
                        .body("caseChains.valid", equalTo(false))
                        .body("caseChains.firstBrokenSequence", equalTo((int) target))
                        .body("caseChains.firstBrokenCaseId", equalTo(altered));
                given().auth().oauth2(AUDITOR).queryParam("verify", "true").when()
                        .get("/api/v1/cases/{id}/audit", altered).then().statusCode(200)
                        .body("verification.valid", equalTo(false))
                        .body("verification.firstBrokenSequence", equalTo((int) target));
                given().auth().oauth2(AUDITOR).queryParam("verify", "true").when()
                        .get("/api/v1/cases/{id}/audit", untouched).then().statusCode(200)
                        .body("verification.valid", equalTo(true));
            } finally {
                setDetails(c, target, original);
            }
        }
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/verify").then().body("valid", equalTo(true));
    }

    @Test
    void aDeletedCaseRecordBreaksTheGlobalChainAtTheGapAndTheCaseChainAtItsNextRecord() throws Exception {
        String caseId = confirmedGbCase();
        issue(GB_ISSUER, caseId, "{}").statusCode(201);
        long deleted = sequenceOf(caseId, "CASE_ASSESSED");
        long next = sequenceOf(caseId, "ORDER_ISSUED");
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE removed AS SELECT * FROM audit_record WHERE sequence = " + deleted);
            s.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only");
            try {
                s.execute("DELETE FROM audit_record WHERE sequence = " + deleted);
                given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/verify").then().statusCode(200)
                        .body("valid", equalTo(false))
                        .body("firstBrokenSequence", equalTo((int) deleted))
                        .body("caseChains.firstBrokenSequence", equalTo((int) next))
                        .body("caseChains.firstBrokenCaseId", equalTo(caseId));
                given().auth().oauth2(AUDITOR).queryParam("verify", "true").when()
                        .get("/api/v1/cases/{id}/audit", caseId).then().statusCode(200)
                        .body("verification.valid", equalTo(false))
                        .body("verification.firstBrokenSequence", equalTo((int) next));
            } finally {
                s.execute("INSERT INTO audit_record SELECT * FROM removed");
                s.execute("ALTER TABLE audit_record ENABLE TRIGGER audit_record_append_only");
            }
        }
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/verify").then().body("valid", equalTo(true));
    }

    @Test
    void readsOfCasesOrdersTrailsAndReportsAreRecordedWithTheReader() throws Exception {
        String caseId = confirmedGbCase();
        String orderId = issue(GB_ISSUER, caseId, "{}").statusCode(201).extract().path("id");
        given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/cases/{id}", caseId).then().statusCode(200);
        // The case's history shows decisions; reads are in the audit trail.
        given().auth().oauth2(GB_ISSUER).when().get("/api/v1/cases/{id}", caseId).then().statusCode(200)
                .body("history.action", org.hamcrest.Matchers.hasItem("ORDER_ISSUED"))
                .body("history.action", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("CASE_READ")));
        given().auth().oauth2(GB_ISSUER).when().get("/api/v1/removal-orders/{id}", orderId).then().statusCode(200);
        given().auth().oauth2(AUDITOR).when().get("/api/v1/cases/{id}/audit", caseId).then().statusCode(200);
        given().auth().oauth2(eu.vigie.cases.Fixtures.GB_REGULATOR).accept("text/csv").queryParam("year", 2026)
                .when().get("/api/v1/reports/transparency").then().statusCode(200);

        String where = "SELECT count(*) FROM audit_record WHERE ";
        assertEquals("1", eu.vigie.cases.Fixtures.sql(where + "case_id = '" + caseId + "' AND action = 'CASE_READ'"
                + " AND actor = 'gb:gb-reviewer' AND details LIKE '%\"access\":\"OWNER\"%'"
                + " AND details LIKE '%\"readerJurisdiction\":\"GB\"%'").toString());
        assertEquals("1", eu.vigie.cases.Fixtures.sql(where + "subject_id = '" + orderId + "' AND action = 'ORDER_READ'"
                + " AND actor = 'gb:gb-issuer'").toString());
        assertEquals("1", eu.vigie.cases.Fixtures.sql(where + "case_id = '" + caseId + "' AND action = 'AUDIT_TRAIL_READ'"
                + " AND actor = 'vigie:auditor'").toString());
        assertTrue(((Number) eu.vigie.cases.Fixtures.sql(where + "action = 'REPORT_READ' AND actor = 'gb:gb-regulator'"
                + " AND details LIKE '%\"format\":\"CSV\"%'")).longValue() >= 1);
        // A jurisdiction that only learns the case exists reads nothing sensitive: no read is recorded.
        String key = eu.vigie.cases.Fixtures.contentKey();
        String shared = eu.vigie.cases.Fixtures.intake(eu.vigie.cases.Fixtures.referral(java.util.UUID.randomUUID(),
                "GB", "CTIRU", key, "CRISIS", 0.5)).statusCode(201).extract().path("caseId");
        eu.vigie.cases.Fixtures.intake(eu.vigie.cases.Fixtures.referral(java.util.UUID.randomUUID(), "FR", "PHAROS", key,
                "CRISIS", 0.5)).statusCode(200);
        given().auth().oauth2(eu.vigie.cases.Fixtures.FR_REFERRER).when().get("/api/v1/cases/{id}", shared).then()
                .statusCode(200).body("contentKey", nullValue());
        assertEquals("0", eu.vigie.cases.Fixtures.sql(where + "case_id = '" + shared + "' AND action = 'CASE_READ'")
                .toString());
    }

    /** Rewrites a record's details the way an intruder with database access would: with the trigger off. */
    private static void setDetails(Connection c, long sequence, String details) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement();
                PreparedStatement update = c.prepareStatement("UPDATE audit_record SET details = ? WHERE sequence = ?")) {
            s.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only");
            update.setString(1, details);
            update.setLong(2, sequence);
            assertEquals(1, update.executeUpdate());
            s.execute("ALTER TABLE audit_record ENABLE TRIGGER audit_record_append_only");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
