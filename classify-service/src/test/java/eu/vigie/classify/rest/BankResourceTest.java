package eu.vigie.classify.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.junit.jupiter.api.Test;

import eu.vigie.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class BankResourceTest {

    static void createBank(String name) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"description\":\"test bank\",\"enabled\":true}".formatted(name))
                .when().post("/api/v1/banks")
                .then().statusCode(201);
    }

    static String addSignal(String bank, String type, String value, String labels) {
        return given().auth().oauth2(TestTokens.service("case-service")).contentType(ContentType.JSON)
                .body("{\"signalType\":\"%s\",\"value\":\"%s\",\"labels\":%s,\"source\":\"test\"}"
                        .formatted(type, value, labels))
                .when().post("/api/v1/banks/" + bank + "/signals")
                .then().statusCode(201)
                .extract().path("id");
    }

    private static byte[] bytes(String ndjson) {
        return ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void confirmedBankExistsFromTheFirstMigration() {
        given().auth().oauth2(TestTokens.gb("analyst", "reviewer")).when().get("/api/v1/banks/CONFIRMED")
                .then().statusCode(200)
                .body("name", equalTo("CONFIRMED"))
                .body("enabled", equalTo(true));
        given().auth().oauth2(TestTokens.service("case-service")).when().get("/api/v1/banks")
                .then().statusCode(200)
                .body("name", hasItem("CONFIRMED"));
    }

    @Test
    void adminCreatesDisablesAndEnablesBankAndEveryChangeIsAudited() {
        String name = Hashes.bankName();
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"description\":\"Partner hashes\"}".formatted(name))
                .when().post("/api/v1/banks")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("name", equalTo(name))
                .body("enabled", equalTo(true))
                .body("signalCount", equalTo(0))
                .body("createdBy", equalTo("vigie:admin"));

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"enabled\":false}")
                .when().put("/api/v1/banks/" + name)
                .then().statusCode(200)
                .body("enabled", equalTo(false))
                .body("description", equalTo("Partner hashes"));

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"enabled\":true}")
                .when().put("/api/v1/banks/" + name)
                .then().statusCode(200)
                .body("enabled", equalTo(true));

        given().auth().oauth2(TestTokens.operator("oversight", "auditor"))
                .queryParam("subjectType", "BANK").queryParam("subjectId", name)
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("action", contains("BANK_CREATED", "BANK_UPDATED", "BANK_UPDATED"))
                .body("actor", contains("vigie:admin", "vigie:admin", "vigie:admin"))
                .body("[1].detail.enabled.from", equalTo(true))
                .body("[1].detail.enabled.to", equalTo(false));
    }

    @Test
    void duplicateBankIsConflict() {
        String name = Hashes.bankName();
        createBank(name);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"%s\"}".formatted(name))
                .when().post("/api/v1/banks")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void badBankNameIsRefusedAndNothingIsCreated() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"lower-case\"}")
                .when().post("/api/v1/banks")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("name"));
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/banks/lower-case")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void rolesAreEnforced() {
        given().when().get("/api/v1/banks").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.gb("officer", "referrer")).when().get("/api/v1/banks")
                .then().statusCode(403).contentType("application/problem+json");
        // Reviewers read but do not create; services add signals but do not create banks.
        given().auth().oauth2(TestTokens.gb("analyst", "reviewer")).contentType(ContentType.JSON)
                .body("{\"name\":\"%s\"}".formatted(Hashes.bankName()))
                .when().post("/api/v1/banks").then().statusCode(403);
        given().auth().oauth2(TestTokens.service("case-service")).contentType(ContentType.JSON)
                .body("{\"name\":\"%s\"}".formatted(Hashes.bankName()))
                .when().post("/api/v1/banks").then().statusCode(403);
        given().auth().oauth2(TestTokens.gb("analyst", "reviewer")).contentType(ContentType.JSON)
                .body("{\"signalType\":\"MD5\",\"value\":\"%s\"}".formatted(Hashes.md5()))
                .when().post("/api/v1/banks/CONFIRMED/signals").then().statusCode(403);
        given().auth().oauth2(TestTokens.service("case-service")).contentType(ContentType.JSON)
                .body("{\"enabled\":false}")
                .when().put("/api/v1/banks/CONFIRMED").then().statusCode(403);
        given().auth().oauth2(TestTokens.platform("examplevideo")).when().get("/api/v1/banks")
                .then().statusCode(403);
    }

    @Test
    void addingAnExistingSignalAnswersTheExistingOneAndCreatesNothing() {
        String sha = Hashes.sha256();
        String body = """
                {"signalType":"SHA256","value":"%s","labels":{"categories":["INCITEMENT","THREAT"],
                 "entity":"Islamic State","tier":"DESIGNATED_GROUP"},"source":"case 42"}
                """;
        String id = given().auth().oauth2(TestTokens.service("case-service")).contentType(ContentType.JSON)
                .body(body.formatted(sha.toUpperCase()))
                .when().post("/api/v1/banks/CONFIRMED/signals")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("value", equalTo(sha))
                .body("bank", equalTo("CONFIRMED"))
                .body("enabled", equalTo(true))
                .body("labels.categories", contains("INCITEMENT", "THREAT"))
                .body("labels.entity", equalTo("Islamic State"))
                .body("labels.tier", equalTo("DESIGNATED_GROUP"))
                .body("createdBy", equalTo("vigie:service-account-case-service"))
                .extract().path("id");

        given().auth().oauth2(TestTokens.service("case-service")).contentType(ContentType.JSON)
                .body(body.formatted(sha).replace("case 42", "case 43"))
                .when().post("/api/v1/banks/CONFIRMED/signals")
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("source", equalTo("case 42"));

        given().auth().oauth2(TestTokens.admin()).queryParam("subjectType", "SIGNAL").queryParam("subjectId", id)
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("action", contains("SIGNAL_ADDED"))
                .body("[0].detail.value", equalTo(sha));
    }

    @Test
    void adminDisablesAndEnablesOneSignalAndItIsAudited() {
        String md5 = Hashes.md5();
        String id = addSignal("CONFIRMED", "MD5", md5, "{\"categories\":[\"INSTRUCTION\"]}");

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"enabled\":false}")
                .when().put("/api/v1/banks/CONFIRMED/signals/" + id)
                .then().statusCode(200)
                .body("enabled", equalTo(false))
                .body("updatedBy", equalTo("vigie:admin"));

        given().auth().oauth2(TestTokens.service("ingest-service")).contentType(ContentType.JSON)
                .body("{\"signalType\":\"MD5\",\"value\":\"%s\"}".formatted(md5))
                .when().post("/api/v1/matches")
                .then().statusCode(200)
                .body("matches", hasSize(0));

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"enabled\":true}")
                .when().put("/api/v1/banks/CONFIRMED/signals/" + id)
                .then().statusCode(200).body("enabled", equalTo(true));

        given().auth().oauth2(TestTokens.admin()).queryParam("subjectType", "SIGNAL").queryParam("subjectId", id)
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("action", contains("SIGNAL_ADDED", "SIGNAL_DISABLED", "SIGNAL_ENABLED"));

        given().auth().oauth2(TestTokens.service("case-service")).contentType(ContentType.JSON).body("{\"enabled\":false}")
                .when().put("/api/v1/banks/CONFIRMED/signals/" + id)
                .then().statusCode(403);
    }

    @Test
    void signalOfWrongLengthOrNotHexIsRefusedAndNothingIsStored() {
        int before = given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/banks/CONFIRMED")
                .then().statusCode(200).extract().path("signalCount");
        String tooShort = Hashes.hex(62);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"signalType\":\"SHA256\",\"value\":\"%s\"}".formatted(tooShort))
                .when().post("/api/v1/banks/CONFIRMED/signals")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("value"))
                .body("detail", startsWith("Field 'value' must be 64 hexadecimal digits"));
        // An MD5-length value is no PDQ hash.
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"signalType\":\"PDQ\",\"value\":\"%s\"}".formatted(Hashes.md5()))
                .when().post("/api/v1/banks/CONFIRMED/signals")
                .then().statusCode(400);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"signalType\":\"MD5\",\"value\":\"zz%s\"}".formatted(Hashes.hex(30)))
                .when().post("/api/v1/banks/CONFIRMED/signals")
                .then().statusCode(400);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"signalType\":\"CRC32\",\"value\":\"abcd\"}")
                .when().post("/api/v1/banks/CONFIRMED/signals")
                .then().statusCode(400)
                .body("violations.field", contains("signalType"))
                .body("detail", not(org.hamcrest.Matchers.containsString("jackson")));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"signalType\":\"MD5\",\"value\":\"%s\",\"labels\":{\"categories\":[\"PROPAGANDA\"]}}"
                        .formatted(Hashes.md5()))
                .when().post("/api/v1/banks/CONFIRMED/signals")
                .then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"signalType\":\"MD5\",\"value\":\"%s\"}".formatted(Hashes.md5()))
                .when().post("/api/v1/banks/NO_SUCH_BANK/signals")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/banks/CONFIRMED")
                .then().statusCode(200).body("signalCount", equalTo(before));
    }

    @Test
    void concurrentAddsOfTheSameSignalCreateItOnce() throws Exception {
        String md5 = Hashes.md5();
        String token = TestTokens.service("case-service");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<io.restassured.response.Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body("{\"signalType\":\"MD5\",\"value\":\"%s\"}".formatted(md5))
                        .when().post("/api/v1/banks/CONFIRMED/signals")));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            int created = 0;
            for (var answer : answers) {
                io.restassured.response.Response response = answer.get();
                org.junit.jupiter.api.Assertions.assertTrue(response.statusCode() == 200 || response.statusCode() == 201,
                        "status " + response.statusCode());
                created += response.statusCode() == 201 ? 1 : 0;
                ids.add(response.path("id"));
            }
            org.junit.jupiter.api.Assertions.assertEquals(1, created);
            org.junit.jupiter.api.Assertions.assertEquals(1, ids.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void batchOfSignalsAddsEachIdempotentlyReportsRefusedLinesAndExportsTheSameFormat() {
        String bank = Hashes.bankName();
        createBank(bank);
        String existing = Hashes.md5();
        addSignal(bank, "MD5", existing, "{}");
        String sha = Hashes.sha256();
        String pdq = Hashes.hex(64);
        String ndjson = String.join("\n",
                "{\"signalType\":\"SHA256\",\"value\":\"%s\",\"labels\":{\"categories\":[\"THREAT\"],\"tier\":\"CRISIS\"},\"source\":\"partner\"}".formatted(sha.toUpperCase()),
                "{\"signalType\":\"MD5\",\"value\":\"%s\"}".formatted(existing),
                "{\"signalType\":\"PDQ\",\"value\":\"%s\"}".formatted(pdq),
                "{\"signalType\":\"MD5\",\"value\":\"xyz\"}",
                "",
                "not json at all",
                "{\"signalType\":\"MD4\",\"value\":\"%s\"}".formatted(Hashes.md5())) + "\n";
        given().auth().oauth2(TestTokens.service("case-service")).contentType("application/x-ndjson").body(bytes(ndjson))
                .when().post("/api/v1/banks/" + bank + "/signals/batch")
                .then().statusCode(200)
                .body("bank", equalTo(bank))
                .body("received", equalTo(6))
                .body("created", equalTo(2))
                .body("existing", equalTo(1))
                .body("rejected", equalTo(3))
                .body("errors.line", contains(4, 6, 7))
                .body("errors[0].message", startsWith("Field 'value' must be 32 hexadecimal digits"));

        // A replay creates nothing.
        given().auth().oauth2(TestTokens.service("case-service")).contentType("application/x-ndjson").body(bytes(ndjson))
                .when().post("/api/v1/banks/" + bank + "/signals/batch")
                .then().statusCode(200)
                .body("created", equalTo(0))
                .body("existing", equalTo(3));

        String exported = given().auth().oauth2(TestTokens.service("case-service"))
                .when().get("/api/v1/banks/" + bank + "/signals/export")
                .then().statusCode(200)
                .contentType("application/x-ndjson")
                .extract().asString();
        List<String> lines = exported.lines().toList();
        org.junit.jupiter.api.Assertions.assertEquals(3, lines.size(), exported);
        org.junit.jupiter.api.Assertions.assertTrue(lines.stream().anyMatch(l -> l.contains("\"value\":\"" + sha + "\"")
                && l.contains("\"categories\":[\"THREAT\"]") && l.contains("\"tier\":\"CRISIS\"")
                && l.contains("\"source\":\"partner\"")), exported);
        org.junit.jupiter.api.Assertions.assertTrue(lines.stream().anyMatch(l -> l.contains(pdq)), exported);
        org.junit.jupiter.api.Assertions.assertTrue(lines.stream().anyMatch(l -> l.contains(existing)), exported);

        // The export re-imports into another bank as is.
        String copy = Hashes.bankName();
        createBank(copy);
        given().auth().oauth2(TestTokens.admin()).contentType("application/x-ndjson").body(bytes(exported))
                .when().post("/api/v1/banks/" + copy + "/signals/batch")
                .then().statusCode(200)
                .body("created", equalTo(3))
                .body("rejected", equalTo(0));
    }

    @Test
    void batchAndExportNeedAdminOrService() {
        given().auth().oauth2(TestTokens.gb("analyst", "reviewer")).contentType("application/x-ndjson")
                .body(bytes("{\"signalType\":\"MD5\",\"value\":\"%s\"}\n".formatted(Hashes.md5())))
                .when().post("/api/v1/banks/CONFIRMED/signals/batch")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.gb("analyst", "reviewer"))
                .when().get("/api/v1/banks/CONFIRMED/signals/export")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).contentType("application/x-ndjson").body(new byte[0])
                .when().post("/api/v1/banks/NO_SUCH_BANK/signals/batch")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin())
                .when().get("/api/v1/banks/NO_SUCH_BANK/signals/export")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unknownSignalIdIsNotFound() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"enabled\":false}")
                .when().put("/api/v1/banks/CONFIRMED/signals/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"enabled\":false}")
                .when().put("/api/v1/banks/CONFIRMED/signals/" + java.util.UUID.randomUUID())
                .then().statusCode(404);
    }
}
