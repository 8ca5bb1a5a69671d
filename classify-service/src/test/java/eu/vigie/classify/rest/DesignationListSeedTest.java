package eu.vigie.classify.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.vigie.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The UK, EU and UN lists are seeded as data and found in text in English, French and Arabic, evasions undone. */
@QuarkusTest
class DesignationListSeedTest {

    @Test
    void theMajorGroupsOfTheListsAreSeededWithTheirListsNamed() {
        List<Map<String, Object>> entities = given().auth().oauth2(TestTokens.admin())
                .when().get("/api/v1/designated-entities")
                .then().statusCode(200).extract().jsonPath().getList("$");
        List<String> names = entities.stream().map(e -> (String) e.get("name")).toList();
        assertTrue(names.size() >= 60, "dozens of entities: " + names.size());
        for (String major : List.of("Islamic State", "al-Qaeda", "Hamas", "Hizballah", "Boko Haram", "Al-Shabaab",
                "Al-Nusrah Front", "Kurdistan Workers' Party", "Liberation Tigers of Tamil Eelam",
                "Al-Qaida in the Arabian Peninsula", "Al-Qaida in the Islamic Maghreb", "Lashkar-e-Tayyiba",
                "Jaish-e-Mohammed", "Tehrik-e-Taliban Pakistan", "Islamic State Khorasan Province",
                "National Action", "The Base", "Atomwaffen Division", "Irish Republican Army")) {
            assertTrue(names.contains(major), major + " is seeded");
        }
        Map<String, Object> hamas = entities.stream().filter(e -> "Hamas".equals(e.get("name"))).findFirst()
                .orElseThrow();
        assertTrue(((String) hamas.get("source")).contains("Terrorism Act 2000, Schedule 2"), hamas.toString());
        assertTrue(((String) hamas.get("source")).contains("2001/931/CFSP"), hamas.toString());
        Map<String, Object> boko = entities.stream().filter(e -> "Boko Haram".equals(e.get("name"))).findFirst()
                .orElseThrow();
        assertTrue(((String) boko.get("source")).contains("ISIL (Da'esh) and Al-Qaida sanctions list"),
                boko.toString());
    }

    private static Map<String, Object> referral(String text) {
        return Map.of("referralId", UUID.randomUUID().toString(), "url", "https://video.example/watch?v=1",
                "platformId", "examplevideo", "contentType", "TEXT", "text", text);
    }

    @Test
    void seededNamesAreFoundInEnglishFrenchAndArabicTextThroughEvasions() {
        String text = "Gloire à l'AQMI ! Support h1zb0llah and the PKK. كتائب القسام";
        given().auth().oauth2(TestTokens.service("ingest-service")).contentType(ContentType.JSON)
                .body(referral(text))
                .when().post("/api/v1/classifications")
                .then().statusCode(200)
                .body("indicators.entity", hasItem("Al-Qaida in the Islamic Maghreb"))
                .body("indicators.entity", hasItem("Hizballah"))
                .body("indicators.entity", hasItem("Kurdistan Workers' Party"))
                .body("indicators.entity", hasItem("Hamas"))
                .body("indicators.find { it.entity == 'Hizballah' }.start", equalTo(text.indexOf("h1zb0llah")))
                .body("indicators.find { it.entity == 'Hizballah' }.end", equalTo(text.indexOf("h1zb0llah") + 9))
                .body("tier", equalTo("DESIGNATED_GROUP"));
        // Case-sensitive acronyms stay so: "pkk" in lower case is not the PKK.
        given().auth().oauth2(TestTokens.service("ingest-service")).contentType(ContentType.JSON)
                .body(referral("the pkk file"))
                .when().post("/api/v1/classifications")
                .then().statusCode(200).body("indicators.size()", equalTo(0));
    }
}
