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

import eu.vigie.cases.ClassifyServiceMock;
import eu.vigie.cases.NotifyServiceMock;
import eu.vigie.testing.EmbeddedPostgresResource;
import eu.vigie.testing.TestIssuers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(TestIssuers.class)
@QuarkusTestResource(NotifyServiceMock.class)
@QuarkusTestResource(ClassifyServiceMock.class)
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
