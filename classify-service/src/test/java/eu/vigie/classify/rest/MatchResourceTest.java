package eu.vigie.classify.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import eu.vigie.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class MatchResourceTest {

    private static io.restassured.response.ValidatableResponse match(String type, String value, Integer maxDistance) {
        String distance = maxDistance == null ? "" : ",\"maxDistance\":" + maxDistance;
        return given().auth().oauth2(TestTokens.fr("analyste", "reviewer")).contentType(ContentType.JSON)
                .body("{\"signalType\":\"%s\",\"value\":\"%s\"%s}".formatted(type, value, distance))
                .when().post("/api/v1/matches")
                .then();
    }

    @Test
    void exactSha256MatchCarriesBankSignalAndLabels() {
        String sha = Hashes.sha256();
        String id = BankResourceTest.addSignal("CONFIRMED", "SHA256", sha,
                "{\"categories\":[\"GROUP_PARTICIPATION\"],\"entity\":\"al-Qaeda\",\"tier\":\"DESIGNATED_GROUP\"}");
        match("SHA256", sha.toUpperCase(), null).statusCode(200)
                .body("matches", hasSize(1))
                .body("matches[0].bank", equalTo("CONFIRMED"))
                .body("matches[0].signalId", equalTo(id))
                .body("matches[0].signalType", equalTo("SHA256"))
                .body("matches[0].value", equalTo(sha))
                .body("matches[0].distance", equalTo(0))
                .body("matches[0].labels.categories", contains("GROUP_PARTICIPATION"))
                .body("matches[0].labels.entity", equalTo("al-Qaeda"))
                .body("matches[0].labels.tier", equalTo("DESIGNATED_GROUP"));
    }

    @Test
    void unknownValueMatchesNothingAndOtherTypesDoNotCross() {
        match("MD5", Hashes.md5(), null).statusCode(200).body("matches", empty());
        String sha = Hashes.sha256();
        BankResourceTest.addSignal("CONFIRMED", "SHA256", sha, "{}");
        // The same 64 hex digits as a PDQ hash are another signal altogether.
        match("PDQ", sha, 0).statusCode(200).body("matches", empty());
    }

    @Test
    void disabledBankMatchesNothing() {
        String bank = Hashes.bankName();
        BankResourceTest.createBank(bank);
        String md5 = Hashes.md5();
        BankResourceTest.addSignal(bank, "MD5", md5, "{}");
        match("MD5", md5, null).statusCode(200).body("matches.bank", contains(bank));

        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"enabled\":false}")
                .when().put("/api/v1/banks/" + bank).then().statusCode(200);
        match("MD5", md5, null).statusCode(200).body("matches", empty());
    }

    @Test
    void pdqMatchesWithinTheHammingDistanceNearestFirst() {
        String bank = Hashes.bankName();
        BankResourceTest.createBank(bank);
        String pdq = Hashes.hex(64);
        String near = Hashes.flip(pdq, 5);
        String far = Hashes.flip(pdq, 40);
        String nearId = BankResourceTest.addSignal(bank, "PDQ", near, "{\"tier\":\"PROMOTIONAL\"}");
        BankResourceTest.addSignal(bank, "PDQ", far, "{}");

        match("PDQ", pdq, null).statusCode(200)
                .body("matches.signalId", contains(nearId))
                .body("matches[0].distance", equalTo(5))
                .body("matches[0].value", equalTo(near));
        match("PDQ", pdq, 4).statusCode(200).body("matches", empty());
        match("PDQ", pdq, 64).statusCode(200)
                .body("matches.distance", contains(5, 40));
    }

    @Test
    void batchAnswersOneResultPerValueInOrder() {
        String a = Hashes.md5();
        String b = Hashes.md5();
        String none = Hashes.md5();
        String idA = BankResourceTest.addSignal("CONFIRMED", "MD5", a, "{}");
        String idB = BankResourceTest.addSignal("CONFIRMED", "MD5", b, "{}");
        given().auth().oauth2(TestTokens.service("ingest-service")).contentType(ContentType.JSON)
                .body("{\"signalType\":\"MD5\",\"values\":[\"%s\",\"%s\",\"%s\",\"%s\"]}"
                        .formatted(b, none, a.toUpperCase(), b))
                .when().post("/api/v1/matches/batch")
                .then().statusCode(200)
                .body("results.value", contains(b, none, a, b))
                .body("results[0].matches.signalId", contains(idB))
                .body("results[1].matches", empty())
                .body("results[2].matches.signalId", contains(idA))
                .body("results[3].matches.signalId", contains(idB));
    }

    @Test
    void batchRefusesEmptyOversizedOrInvalidValues() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"signalType\":\"MD5\",\"values\":[]}")
                .when().post("/api/v1/matches/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("values"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append('"').append(Hashes.md5()).append('"');
        }
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"signalType\":\"MD5\",\"values\":[" + many + "]}")
                .when().post("/api/v1/matches/batch")
                .then().statusCode(400).body("violations.field", contains("values"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"signalType\":\"MD5\",\"values\":[\"%s\",\"not-hex\"]}".formatted(Hashes.md5()))
                .when().post("/api/v1/matches/batch")
                .then().statusCode(400).body("violations.field", contains("values[1]"));
    }

    @Test
    void badMatchRequestsAreProblems() {
        match("SHA256", Hashes.md5(), null).statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("value"));
        match("PDQ", Hashes.hex(64), 65).statusCode(400).body("violations.field", contains("maxDistance"));
        match("PDQ", Hashes.hex(64), -1).statusCode(400);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"value\":\"abc\"}")
                .when().post("/api/v1/matches")
                .then().statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItem("signalType"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("not json")
                .when().post("/api/v1/matches")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void matchingNeedsReviewerServiceOrAdmin() {
        given().contentType(ContentType.JSON).body("{\"signalType\":\"MD5\",\"value\":\"%s\"}".formatted(Hashes.md5()))
                .when().post("/api/v1/matches").then().statusCode(401);
        given().auth().oauth2(TestTokens.gb("officer", "referrer")).contentType(ContentType.JSON)
                .body("{\"signalType\":\"MD5\",\"value\":\"%s\"}".formatted(Hashes.md5()))
                .when().post("/api/v1/matches").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.platform("examplevideo")).contentType(ContentType.JSON)
                .body("{\"signalType\":\"MD5\",\"values\":[\"%s\"]}".formatted(Hashes.md5()))
                .when().post("/api/v1/matches/batch").then().statusCode(403);
    }
}
