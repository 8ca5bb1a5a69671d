package eu.vigie.classify.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.vigie.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Curation flags from case-service (ARCHITECTURE, "Curation flags"): received, kept, shown, cleared by a curator. */
@QuarkusTest
class CurationFlagResourceTest {

    private static Map<String, Object> flag(UUID flagId, UUID caseId) {
        return Map.of("flagId", flagId.toString(), "caseId", caseId.toString(),
                "reason", "Assessed NOT_TERRORIST_CONTENT by the reviewer", "flaggedAt", "2026-11-29T03:00:00Z");
    }

    private static ValidatableResponse post(String token, String bank, String signalId, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/banks/" + bank + "/signals/" + signalId + "/curation-flags").then();
    }

    private static List<String> auditActions(String signalId) {
        return given().auth().oauth2(TestTokens.admin()).queryParam("subjectType", "SIGNAL")
                .queryParam("subjectId", signalId).when().get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath().getList("action", String.class);
    }

    private static List<String> flaggedIds(String bank) {
        return given().auth().oauth2(TestTokens.admin()).queryParam("flagged", "true").queryParam("limit", "1000")
                .when().get("/api/v1/banks/" + bank + "/signals")
                .then().statusCode(200).extract().jsonPath().getList("id", String.class);
    }

    @Test
    void caseServiceFlagsASignalOnceWhateverTheReplaysAndTheSignalKeepsMatching() {
        String bank = Hashes.bankName();
        BankResourceTest.createBank(bank);
        String md5 = Hashes.md5();
        String signalId = BankResourceTest.addSignal(bank, "MD5", md5, "{\"categories\":[\"INCITEMENT\"]}");
        UUID flagId = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();

        post(TestTokens.service("case-service"), bank, signalId, flag(flagId, caseId)).statusCode(201)
                .body("flagId", equalTo(flagId.toString()))
                .body("signalId", equalTo(signalId))
                .body("bank", equalTo(bank))
                .body("caseId", equalTo(caseId.toString()))
                .body("flaggedAt", equalTo("2026-11-29T03:00:00Z"))
                .body("clearedAt", nullValue());
        // The outbox delivers at least once: a replay answers the same flag and creates nothing.
        post(TestTokens.service("case-service"), bank, signalId, flag(flagId, caseId)).statusCode(200)
                .body("flagId", equalTo(flagId.toString()))
                .body("caseId", equalTo(caseId.toString()));

        given().auth().oauth2(TestTokens.gb("analyst", "reviewer")).when()
                .get("/api/v1/banks/" + bank + "/signals/" + signalId)
                .then().statusCode(200)
                .body("flagged", equalTo(true))
                .body("enabled", equalTo(true))
                .body("curationFlags", hasSize(1))
                .body("curationFlags[0].flagId", equalTo(flagId.toString()));
        assertEquals(List.of("SIGNAL_ADDED", "SIGNAL_CURATION_FLAGGED"), auditActions(signalId));

        // A flag disables nothing: the signal still matches until a curator decides.
        given().auth().oauth2(TestTokens.service("ingest-service")).contentType(ContentType.JSON)
                .body(Map.of("signalType", "MD5", "value", md5)).when().post("/api/v1/matches")
                .then().statusCode(200).body("matches.signalId", contains(signalId));
    }

    @Test
    void flagsAreListedForTheCuratorExportedAndClearedWithANote() {
        String bank = Hashes.bankName();
        BankResourceTest.createBank(bank);
        String flaggedId = BankResourceTest.addSignal(bank, "SHA256", Hashes.sha256(), "{}");
        String cleanId = BankResourceTest.addSignal(bank, "SHA256", Hashes.sha256(), "{}");
        UUID flagId = UUID.randomUUID();
        post(TestTokens.service("case-service"), bank, flaggedId, flag(flagId, UUID.randomUUID())).statusCode(201);

        assertEquals(List.of(flaggedId), flaggedIds(bank));
        List<String> unflagged = given().auth().oauth2(TestTokens.admin()).queryParam("flagged", "false")
                .when().get("/api/v1/banks/" + bank + "/signals")
                .then().statusCode(200).extract().jsonPath().getList("id", String.class);
        assertEquals(List.of(cleanId), unflagged);
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/banks/" + bank + "/signals")
                .then().statusCode(200).body("id", hasSize(2));

        String exported = given().auth().oauth2(TestTokens.admin())
                .when().get("/api/v1/banks/" + bank + "/signals/export")
                .then().statusCode(200).extract().asString();
        List<String> lines = exported.lines().toList();
        assertEquals(2, lines.size(), exported);
        assertEquals(1, lines.stream().filter(l -> l.contains("\"curationFlags\":[{\"flagId\":\"" + flagId)).count(),
                exported);
        // The export still imports as is: the flags are not raised again by an import.
        String copy = Hashes.bankName();
        BankResourceTest.createBank(copy);
        given().auth().oauth2(TestTokens.admin()).contentType("application/x-ndjson")
                .body(exported.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/banks/" + copy + "/signals/batch")
                .then().statusCode(200).body("created", equalTo(2)).body("rejected", equalTo(0));
        assertTrue(flaggedIds(copy).isEmpty());

        // Only an admin clears, with a note; clearing twice changes nothing.
        String clear = "/api/v1/banks/" + bank + "/signals/" + flaggedId + "/curation-flags/" + flagId + "/clear";
        given().auth().oauth2(TestTokens.service("case-service")).contentType(ContentType.JSON)
                .body(Map.of("note", "x")).when().post(clear).then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("note", " "))
                .when().post(clear).then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("note", "The signal is a news broadcast frame; disabled separately")).when().post(clear)
                .then().statusCode(200)
                .body("clearedBy", equalTo("vigie:admin"))
                .body("clearNote", equalTo("The signal is a news broadcast frame; disabled separately"))
                .body("clearedAt", not(nullValue()));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(Map.of("note", "again"))
                .when().post(clear).then().statusCode(200)
                .body("clearNote", equalTo("The signal is a news broadcast frame; disabled separately"));
        assertTrue(flaggedIds(bank).isEmpty());
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/banks/" + bank + "/signals/" + flaggedId)
                .then().statusCode(200)
                .body("flagged", equalTo(false))
                .body("curationFlags", hasSize(1));
        assertEquals(List.of("SIGNAL_ADDED", "SIGNAL_CURATION_FLAGGED", "SIGNAL_CURATION_FLAG_CLEARED"),
                auditActions(flaggedId));
        String reexported = given().auth().oauth2(TestTokens.admin())
                .when().get("/api/v1/banks/" + bank + "/signals/export").then().statusCode(200).extract().asString();
        assertFalse(reexported.contains("curationFlags"), reexported);
    }

    @Test
    void onlyTheServiceRoleFlagsAndBadInputChangesNothing() {
        String bank = Hashes.bankName();
        BankResourceTest.createBank(bank);
        String signalId = BankResourceTest.addSignal(bank, "MD5", Hashes.md5(), "{}");
        Map<String, Object> body = flag(UUID.randomUUID(), UUID.randomUUID());

        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/banks/" + bank + "/signals/" + signalId + "/curation-flags")
                .then().statusCode(401);
        post(TestTokens.admin(), bank, signalId, body).statusCode(403);
        post(TestTokens.gb("analyst", "reviewer"), bank, signalId, body).statusCode(403);

        post(TestTokens.service("case-service"), bank, signalId, Map.of("flagId", "nope", "caseId",
                UUID.randomUUID().toString(), "reason", "r", "flaggedAt", "2026-11-29T03:00:00Z")).statusCode(400)
                .contentType(containsString("application/problem+json"));
        post(TestTokens.service("case-service"), bank, signalId, Map.of("flagId", UUID.randomUUID().toString(),
                "caseId", UUID.randomUUID().toString(), "reason", "", "flaggedAt", "2026-11-29T03:00:00Z"))
                .statusCode(400).contentType(containsString("application/problem+json"));
        post(TestTokens.service("case-service"), bank, signalId, Map.of("flagId", UUID.randomUUID().toString(),
                "caseId", UUID.randomUUID().toString(), "reason", "r")).statusCode(400);
        post(TestTokens.service("case-service"), bank, UUID.randomUUID().toString(), body).statusCode(404);
        post(TestTokens.service("case-service"), "NO_SUCH_BANK", signalId, body).statusCode(404);
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/banks/" + bank + "/signals/" + signalId)
                .then().statusCode(200).body("curationFlags", empty()).body("flagged", equalTo(false));
        assertEquals(List.of("SIGNAL_ADDED"), auditActions(signalId));

        given().auth().oauth2(TestTokens.admin()).queryParam("flagged", "maybe")
                .when().get("/api/v1/banks/" + bank + "/signals").then().statusCode(400);
        given().auth().oauth2(TestTokens.admin()).queryParam("limit", "0")
                .when().get("/api/v1/banks/" + bank + "/signals").then().statusCode(400);
        given().auth().oauth2(TestTokens.admin()).queryParam("after", "x")
                .when().get("/api/v1/banks/" + bank + "/signals").then().statusCode(400);
        given().auth().oauth2(TestTokens.operator("oversight", "auditor"))
                .when().get("/api/v1/banks/" + bank + "/signals").then().statusCode(403);
    }

    @Test
    void aFlagIdReusedForAnotherSignalIsAConflictAndChangesNothing() {
        String bank = Hashes.bankName();
        BankResourceTest.createBank(bank);
        String first = BankResourceTest.addSignal(bank, "MD5", Hashes.md5(), "{}");
        String second = BankResourceTest.addSignal(bank, "MD5", Hashes.md5(), "{}");
        UUID flagId = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        post(TestTokens.service("case-service"), bank, first, flag(flagId, caseId)).statusCode(201);
        post(TestTokens.service("case-service"), bank, second, flag(flagId, caseId)).statusCode(409)
                .contentType(containsString("application/problem+json"));
        post(TestTokens.service("case-service"), bank, first, flag(flagId, UUID.randomUUID())).statusCode(409);
        assertEquals(List.of(first), flaggedIds(bank));
        assertEquals(List.of("SIGNAL_ADDED"), auditActions(second));
    }

    @Test
    void listingPagesInIdOrder() {
        String bank = Hashes.bankName();
        BankResourceTest.createBank(bank);
        for (int k = 0; k < 5; k++) {
            BankResourceTest.addSignal(bank, "MD5", Hashes.md5(), "{}");
        }
        List<String> firstPage = given().auth().oauth2(TestTokens.admin()).queryParam("limit", "3")
                .when().get("/api/v1/banks/" + bank + "/signals")
                .then().statusCode(200).extract().jsonPath().getList("id", String.class);
        assertEquals(3, firstPage.size());
        List<String> secondPage = given().auth().oauth2(TestTokens.admin()).queryParam("limit", "3")
                .queryParam("after", firstPage.get(2))
                .when().get("/api/v1/banks/" + bank + "/signals")
                .then().statusCode(200).extract().jsonPath().getList("id", String.class);
        assertEquals(2, secondPage.size());
        assertFalse(firstPage.stream().anyMatch(secondPage::contains));
    }
}
