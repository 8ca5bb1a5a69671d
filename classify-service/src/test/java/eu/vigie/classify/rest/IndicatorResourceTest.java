package eu.vigie.classify.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import org.junit.jupiter.api.Test;

import eu.vigie.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class IndicatorResourceTest {

    private static ValidatableResponse scan(String text) {
        return given().auth().oauth2(TestTokens.gb("analyst", "reviewer")).contentType(ContentType.JSON)
                .body(Map.of("text", text))
                .when().post("/api/v1/indicators/scan")
                .then().statusCode(200);
    }

    @Test
    void englishEntityAndInstructionAreFoundWithSpansInTheOriginalText() {
        String text = "Our brothers in ISIS showed us how to make a bomb.";
        int isis = text.indexOf("ISIS");
        int bomb = text.indexOf("how to make a bomb");
        scan(text)
                .body("indicators", hasSize(2))
                .body("indicators[0].kind", equalTo("DESIGNATED_ENTITY"))
                .body("indicators[0].term", equalTo("ISIS"))
                .body("indicators[0].entity", equalTo("Islamic State"))
                .body("indicators[0].category", equalTo(null))
                .body("indicators[0].language", equalTo("en"))
                .body("indicators[0].start", equalTo(isis))
                .body("indicators[0].end", equalTo(isis + 4))
                .body("indicators[0].explanation", containsString("designated entity Islamic State"))
                .body("indicators[0].explanation", containsString("found as 'ISIS' at " + isis + "-" + (isis + 4)))
                .body("indicators[1].kind", equalTo("CATEGORY_TERM"))
                .body("indicators[1].category", equalTo("INSTRUCTION"))
                .body("indicators[1].term", equalTo("how to make a bomb"))
                .body("indicators[1].start", equalTo(bomb))
                .body("indicators[1].end", equalTo(bomb + "how to make a bomb".length()))
                .body("indicators[1].explanation", containsString("Art. 2(7)(d)"));
    }

    @Test
    void frenchMatchesWhateverTheAccentsCaseAndApostrophes() {
        // "l’État islamique" with a typographic apostrophe, "FABRIQUER UNE BOMBE" in capitals, and
        // "Prêtez allégeance" written with combining accents (NFD), as some keyboards produce.
        String pledge = "Pre\u0302tez alle\u0301geance au calife";
        String text = "Soutenez l\u2019Etat Islamique ! FABRIQUER UNE BOMBE est facile. " + pledge + ".";
        int etat = text.indexOf("Etat Islamique");
        int bomb = text.indexOf("FABRIQUER");
        int allegiance = text.indexOf(pledge);
        scan(text)
                .body("indicators.term", contains("État islamique", "fabriquer une bombe", "prêtez allégeance au calife"))
                .body("indicators.language", contains("fr", "fr", "fr"))
                .body("indicators[0].start", equalTo(etat))
                .body("indicators[0].end", equalTo(etat + "Etat Islamique".length()))
                .body("indicators[1].start", equalTo(bomb))
                .body("indicators[1].end", equalTo(bomb + "FABRIQUER UNE BOMBE".length()))
                .body("indicators[2].category", equalTo("GROUP_PARTICIPATION"))
                .body("indicators[2].start", equalTo(allegiance))
                .body("indicators[2].end", equalTo(allegiance + pledge.length()));
    }

    @Test
    void arabicNamesAreFoundWithVowelMarksAndJoinedConjunction() {
        // "الدَّوْلَة الإسلامية" with short vowels, and "والقاعدة" (and al-Qaeda) with the conjunction joined.
        String state = "الدَّوْلَة الإسلامية";
        String text = "بايعوا " + state + " والقاعدة";
        int stateAt = text.indexOf(state);
        int qaedaAt = text.indexOf("القاعدة");
        scan(text)
                .body("indicators", hasSize(2))
                .body("indicators.entity", contains("Islamic State", "al-Qaeda"))
                .body("indicators.language", contains("ar", "ar"))
                .body("indicators[0].term", equalTo("الدولة الإسلامية"))
                .body("indicators[0].start", equalTo(stateAt))
                .body("indicators[0].end", equalTo(stateAt + state.length()))
                .body("indicators[1].start", equalTo(qaedaAt))
                .body("indicators[1].end", equalTo(qaedaAt + "القاعدة".length()));
    }

    @Test
    void onlyWholeWordsMatchAndCaseSensitiveNamesKeepTheirCapitals() {
        scan("Daeshbags and theisis of the base camp are not names.").body("indicators", empty());
        String text = "Recruiting for The Base.";
        scan(text)
                .body("indicators.entity", contains("The Base"))
                .body("indicators[0].start", equalTo(text.indexOf("The Base")));
    }

    @Test
    void nestedNamesOfTheSameEntityReportOnlyTheLongest() {
        String text = "the Islamic State of Iraq and the Levant claimed it";
        scan(text)
                .body("indicators", hasSize(1))
                .body("indicators[0].term", equalTo("Islamic State of Iraq and the Levant"))
                .body("indicators[0].start", equalTo(4));
    }

    @Test
    void adminAddsAnIndicatorThatTheScanThenFindsAndItIsAudited() {
        String phrase = "sharpen the blades " + Hashes.hex(6);
        String id = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("category", "INCITEMENT", "phrase", phrase, "language", "en"))
                .when().post("/api/v1/indicators")
                .then().statusCode(201)
                .body("phrase", equalTo(phrase))
                .extract().path("id");
        scan("Brothers, " + phrase.toUpperCase() + "!")
                .body("indicators.term", contains(phrase))
                .body("indicators[0].start", equalTo(10));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("category", "INCITEMENT", "phrase", phrase, "language", "en"))
                .when().post("/api/v1/indicators")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin()).queryParam("subjectType", "INDICATOR").queryParam("subjectId", id)
                .when().get("/api/v1/audit")
                .then().statusCode(200).body("action", contains("INDICATOR_ADDED"));
        given().auth().oauth2(TestTokens.fr("analyste", "reviewer")).queryParam("category", "INCITEMENT")
                .when().get("/api/v1/indicators")
                .then().statusCode(200).body("phrase", hasItems(phrase, "glory to the martyrs", "gloire aux martyrs"));
    }

    @Test
    void seededIndicatorsCoverEveryCategoryInEnglishAndFrench() {
        for (String category : new String[] { "INCITEMENT", "SOLICITATION", "GROUP_PARTICIPATION", "INSTRUCTION", "THREAT" }) {
            for (String language : new String[] { "en", "fr" }) {
                given().auth().oauth2(TestTokens.service("ingest-service"))
                        .queryParam("category", category).queryParam("language", language)
                        .when().get("/api/v1/indicators")
                        .then().statusCode(200).body("size()", org.hamcrest.Matchers.greaterThan(0));
            }
        }
    }

    @Test
    void adminAddsADesignatedEntityWithAliasesInThreeLanguages() {
        String name = "Test Front " + Hashes.hex(6);
        String id = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("""
                        {"name":"%s","tier":"DESIGNATED_GROUP","source":"Test list",
                         "aliases":[{"alias":"Front de test %s","language":"fr"}]}
                        """.formatted(name, name.substring(11)))
                .when().post("/api/v1/designated-entities")
                .then().statusCode(201)
                .body("aliases.language", contains("en", "fr"))
                .extract().path("id");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("alias", "جبهة الاختبار " + name.substring(11), "language", "ar"))
                .when().post("/api/v1/designated-entities/" + id + "/aliases")
                .then().statusCode(201)
                .body("aliases.language", contains("ar", "en", "fr"));
        scan("The " + name + " posted it").body("indicators.entity", contains(name));
        given().auth().oauth2(TestTokens.gb("analyst", "reviewer")).when().get("/api/v1/designated-entities")
                .then().statusCode(200)
                .body("name", hasItems("Islamic State", "al-Qaeda", "National Action", "The Base", "Atomwaffen Division", name));
        given().auth().oauth2(TestTokens.admin()).queryParam("subjectType", "DESIGNATED_ENTITY").queryParam("subjectId", id)
                .when().get("/api/v1/audit")
                .then().statusCode(200)
                .body("action", contains("ENTITY_ADDED", "ALIAS_ADDED", "ALIAS_ADDED", "ALIAS_ADDED"));
    }

    @Test
    void badDesignationInputIsRefused() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("category", "INCITEMENT", "phrase", "!!!", "language", "en"))
                .when().post("/api/v1/indicators")
                .then().statusCode(400).body("violations.field", contains("phrase"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("category", "INCITEMENT", "phrase", "burn it", "language", "english"))
                .when().post("/api/v1/indicators")
                .then().statusCode(400).body("violations.field", contains("language"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Islamic State", "tier", "DESIGNATED_GROUP", "source", "again"))
                .when().post("/api/v1/designated-entities")
                .then().statusCode(409);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "tier", "HIGH", "source", "s"))
                .when().post("/api/v1/designated-entities")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.gb("analyst", "reviewer")).contentType(ContentType.JSON)
                .body("{}")
                .when().post("/api/v1/indicators/scan")
                .then().statusCode(400).body("violations.field", hasItem("text"));
    }

    @Test
    void designationListsAreChangedByAdminsOnly() {
        given().auth().oauth2(TestTokens.gb("analyst", "reviewer")).contentType(ContentType.JSON)
                .body(Map.of("category", "THREAT", "phrase", "we shall return", "language", "en"))
                .when().post("/api/v1/indicators").then().statusCode(403);
        given().auth().oauth2(TestTokens.service("case-service")).contentType(ContentType.JSON)
                .body(Map.of("name", "Nobody", "tier", "DESIGNATED_GROUP", "source", "s"))
                .when().post("/api/v1/designated-entities").then().statusCode(403);
        given().auth().oauth2(TestTokens.gb("officer", "referrer")).contentType(ContentType.JSON)
                .body(Map.of("text", "ISIS"))
                .when().post("/api/v1/indicators/scan").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("text", "ISIS"))
                .when().post("/api/v1/indicators/scan").then().statusCode(401);
    }
}
