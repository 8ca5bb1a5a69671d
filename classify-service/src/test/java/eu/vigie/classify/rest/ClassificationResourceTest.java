package eu.vigie.classify.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.vigie.classify.pdq.PdqHashes;
import eu.vigie.classify.pdq.PdqVectors;
import eu.vigie.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class ClassificationResourceTest {

    private static Map<String, Object> referral(UUID referralId, String text, Map<String, Object> signals) {
        Map<String, Object> body = new HashMap<>();
        body.put("referralId", referralId.toString());
        body.put("url", "https://video.example/watch?v=1");
        body.put("platformId", "examplevideo");
        body.put("contentType", "TEXT");
        body.put("text", text);
        body.put("language", "en");
        body.put("signals", signals);
        return body;
    }

    private static ValidatableResponse classify(Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.service("ingest-service")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/classifications")
                .then();
    }

    @Test
    void textWithEntityIncitementAndThreatIsUrgentAndEveryConclusionIsExplained() {
        String text = "Glory to the martyrs of the Islamic State! We will attack again.";
        classify(referral(UUID.randomUUID(), text, null)).statusCode(200)
                .body("categories", contains("INCITEMENT", "THREAT"))
                .body("entity", equalTo("Islamic State"))
                .body("tier", equalTo("CRISIS"))
                .body("score", equalTo(0.755f))
                .body("routing", equalTo("FAST_TRACK_REVIEW"))
                .body("matches", empty())
                .body("indicators.term", contains("glory to the martyrs", "Islamic State", "we will attack"))
                .body("indicators[1].start", equalTo(text.indexOf("Islamic State")))
                .body("explanations", hasItem(startsWith("Category INCITEMENT (Art. 2(7)(a)")))
                .body("explanations", hasItem(
                        "Category THREAT (Art. 2(7)(e): threatens to commit a terrorist offence) is indicated by the text 'we will attack' [en] at "
                                + text.indexOf("We will attack") + "-" + (text.indexOf("We will attack") + 14) + "."))
                .body("explanations", hasItem(
                        "Tier CRISIS: a THREAT category implies at least CRISIS (the most urgent evidence decides)."))
                .body("explanations", hasItem(startsWith("Entity Islamic State: from the text naming it as 'Islamic State' [en]")))
                .body("explanations", hasItem(
                        "Score 0.755 = 1 - (1 - hash evidence 0) x (1 - designated entity in the text 0.50) x (1 - 0.30) for each of 2 categories in the text (INCITEMENT, THREAT): 0.5 or more is a strong indication, 0.8 or more a very strong one."))
                .body("explanations", hasItem(startsWith("Routing FAST_TRACK_REVIEW: tier CRISIS is urgent.")))
                .body("classifiedAt", org.hamcrest.Matchers.endsWith("Z"));
    }

    @Test
    void confirmedHashMatchCarriesItsLabelsIntoTheVerdict() {
        String sha = Hashes.sha256();
        String signalId = BankResourceTest.addSignal("CONFIRMED", "SHA256", sha,
                "{\"categories\":[\"INSTRUCTION\"],\"entity\":\"National Action\",\"tier\":\"PROMOTIONAL\"}");
        classify(referral(UUID.randomUUID(), null, Map.of("sha256", sha.toUpperCase(), "md5", Hashes.md5())))
                .statusCode(200)
                .body("matches", hasSize(1))
                .body("matches[0].signalId", equalTo(signalId))
                .body("matches[0].bank", equalTo("CONFIRMED"))
                .body("categories", contains("INSTRUCTION"))
                .body("entity", equalTo("National Action"))
                .body("tier", equalTo("PROMOTIONAL"))
                .body("score", equalTo(0.95f))
                .body("routing", equalTo("FAST_TRACK_REVIEW"))
                .body("indicators", empty())
                .body("explanations[0]", equalTo("SHA-256 matches signal " + signalId
                        + " of bank CONFIRMED exactly (labels: categories INSTRUCTION; entity National Action; tier PROMOTIONAL)."))
                .body("explanations", hasItem("Entity National Action: from the labels of signal " + signalId
                        + " of bank CONFIRMED."));
    }

    @Test
    void threatToLifeLabelRoutesUrgently() {
        String md5 = Hashes.md5();
        BankResourceTest.addSignal("CONFIRMED", "MD5", md5, "{\"categories\":[\"THREAT\"],\"tier\":\"THREAT_TO_LIFE\"}");
        classify(referral(UUID.randomUUID(), "", Map.of("md5", md5))).statusCode(200)
                .body("tier", equalTo("THREAT_TO_LIFE"))
                .body("routing", equalTo("FAST_TRACK_REVIEW"));
    }

    @Test
    void pdqOfLowQualityIsNotMatchedAndTheVerdictSaysWhy() {
        String bank = Hashes.bankName();
        BankResourceTest.createBank(bank);
        String pdq = Hashes.hex(64);
        String signalId = BankResourceTest.addSignal(bank, "PDQ", Hashes.flip(pdq, 10), "{\"tier\":\"PROMOTIONAL\"}");
        classify(referral(UUID.randomUUID(), null, Map.of("pdq", pdq, "pdqQuality", 20))).statusCode(200)
                .body("matches", empty())
                .body("explanations", hasItem(
                        "The PDQ hash was not matched: its quality 20 is below 50, too low for a reliable match."));
        classify(referral(UUID.randomUUID(), null, Map.of("pdq", pdq, "pdqQuality", 90))).statusCode(200)
                .body("matches.signalId", contains(signalId))
                .body("matches[0].distance", equalTo(10))
                .body("score", equalTo(0.85f))
                .body("explanations[0]", startsWith("PDQ is within Hamming distance 10 of signal " + signalId));
    }

    /** The eight variants of an image as the hashing answers them, for a classification request. */
    private static List<Map<String, Object>> variantsOf(byte[] jpeg) {
        List<Map<String, Object>> dihedral = given().auth().oauth2(TestTokens.service("ingest-service"))
                .contentType("image/jpeg").body(jpeg).when().post("/api/v1/hashes?dihedral=true")
                .then().statusCode(200).extract().path("dihedral");
        List<Map<String, Object>> variants = new ArrayList<>();
        for (Map<String, Object> d : dihedral) {
            variants.add(Map.of("transform", d.get("transform"), "pdq", d.get("pdq")));
        }
        return variants;
    }

    @Test
    void rotatedCopyOfBankedImageMatchesThroughItsVariantAndTheVerdictNamesTheTransform() {
        String bank = Hashes.bankName();
        BankResourceTest.createBank(bank);
        // The bank holds the hash of the photograph; the referral is of a copy actually rotated by 90 degrees.
        String original = given().auth().oauth2(TestTokens.service("ingest-service")).contentType("image/jpeg")
                .body(PdqVectors.bytes("data/reg-test-input/dih/bridge-1-original.jpg"))
                .when().post("/api/v1/hashes").then().statusCode(200).extract().path("pdq");
        String signalId = BankResourceTest.addSignal(bank, "PDQ", original,
                "{\"categories\":[\"INCITEMENT\"],\"tier\":\"PROMOTIONAL\"}");
        List<Map<String, Object>> variants = variantsOf(PdqVectors.bytes("data/reg-test-input/dih/bridge-2-rotate-90.jpg"));
        String rotatedPdq = (String) variants.get(0).get("pdq");
        assertEquals("ORIGINAL", variants.get(0).get("transform"));
        assertTrue(PdqHashes.distance(rotatedPdq, original) > 31, "the rotated copy's own hash is far from the original");
        // The variant that undoes the rotation is the one near the banked hash.
        Map<String, Object> nearest = variants.stream()
                .min(Comparator.comparingInt(v -> PdqHashes.distance((String) v.get("pdq"), original))).orElseThrow();
        int distance = PdqHashes.distance((String) nearest.get("pdq"), original);
        assertTrue(distance <= 31, "some variant is within the PDQ distance of the original");
        String transform = (String) nearest.get("transform");
        assertNotEquals("ORIGINAL", transform);
        String inBank = "matches.findAll { it.bank == '" + bank + "' }";

        // Without variants (as before): no match.
        classify(referral(UUID.randomUUID(), null, Map.of("pdq", rotatedPdq, "pdqQuality", 100))).statusCode(200)
                .body(inBank, empty());

        Map<String, Object> signals = new HashMap<>();
        signals.put("pdq", rotatedPdq);
        signals.put("pdqQuality", 100);
        signals.put("pdqVariants", variants);
        classify(referral(UUID.randomUUID(), null, signals)).statusCode(200)
                .body(inBank + ".signalId", contains(signalId))
                .body(inBank + "[0].transform", equalTo(transform))
                .body(inBank + "[0].distance", equalTo(distance))
                .body(inBank + "[0].value", equalTo(original))
                .body("categories", hasItem("INCITEMENT"))
                .body("explanations", hasItem(startsWith("PDQ of the image " + describe(transform) + " (transform "
                        + transform + ") is within Hamming distance " + distance + " of signal " + signalId
                        + " of bank " + bank + ": the referred image is a rotated copy of the banked content")));

        // Under the quality gate, the variants are not matched either.
        signals.put("pdqQuality", 20);
        classify(referral(UUID.randomUUID(), null, signals)).statusCode(200)
                .body(inBank, empty())
                .body("explanations", hasItem(
                        "The PDQ hash was not matched: its quality 20 is below 50, too low for a reliable match."));
    }

    private static String describe(String transform) {
        return switch (transform) {
            case "ROTATE_90" -> "rotated by 90 degrees";
            case "ROTATE_180" -> "rotated by 180 degrees";
            case "ROTATE_270" -> "rotated by 270 degrees";
            default -> throw new AssertionError("a 90-degree rotation is undone by a rotation, not " + transform);
        };
    }

    @Test
    void aSignalReachedBySeveralVariantsIsMatchedOnceAtItsSmallestDistance() {
        String bank = Hashes.bankName();
        BankResourceTest.createBank(bank);
        String banked = Hashes.hex(64);
        String signalId = BankResourceTest.addSignal(bank, "PDQ", banked, "{\"tier\":\"PROMOTIONAL\"}");
        String asSent = Hashes.flip(banked, 20);
        Map<String, Object> signals = new HashMap<>();
        signals.put("pdq", asSent);
        signals.put("pdqVariants", List.of(Map.of("transform", "ORIGINAL", "pdq", asSent),
                Map.of("transform", "FLIP_X", "pdq", Hashes.flip(banked, 4).toUpperCase()),
                Map.of("transform", "ROTATE_180", "pdq", Hashes.flip(banked, 12))));
        String inBank = "matches.findAll { it.bank == '" + bank + "' }";
        classify(referral(UUID.randomUUID(), null, signals)).statusCode(200)
                .body(inBank + ".signalId", contains(signalId))
                .body(inBank + "[0].distance", equalTo(4))
                .body(inBank + "[0].transform", equalTo("FLIP_X"))
                .body("explanations", hasItem(startsWith("PDQ of the image mirrored (transform FLIP_X) is within "
                        + "Hamming distance 4 of signal " + signalId + " of bank " + bank
                        + ": the referred image is a mirrored copy")));
        // The image as sent, alone: the match names ORIGINAL.
        classify(referral(UUID.randomUUID(), null, Map.of("pdq", asSent))).statusCode(200)
                .body(inBank + "[0].distance", equalTo(20))
                .body(inBank + "[0].transform", equalTo("ORIGINAL"))
                .body("explanations", hasItem(startsWith("PDQ is within Hamming distance 20 of signal " + signalId
                        + " of bank " + bank + ", as sent (transform ORIGINAL)")));
    }

    @Test
    void badVariantsAreRefused() {
        UUID referralId = UUID.randomUUID();
        String pdq = Hashes.hex(64);
        List<Map<String, Object>> nine = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add(Map.of("transform", "ROTATE_90", "pdq", Hashes.hex(64)));
        }
        classify(referral(referralId, null, Map.of("pdqVariants", nine))).statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("signals.pdqVariants"));
        classify(referral(referralId, null, Map.of("pdqVariants",
                List.of(Map.of("transform", "ROTATE_90", "pdq", pdq.substring(2)))))).statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("signals.pdqVariants.pdq"));
        classify(referral(referralId, null, Map.of("pdqVariants",
                List.of(Map.of("transform", "ROTATE_90", "pdq", "z" + pdq.substring(1)))))).statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("signals.pdqVariants.pdq"));
        classify(referral(referralId, null, Map.of("pdqVariants",
                List.of(Map.of("transform", "ROTATE_45", "pdq", pdq))))).statusCode(400)
                .contentType("application/problem+json");
        classify(referral(referralId, null, Map.of("pdqVariants",
                List.of(Map.of("pdq", pdq))))).statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("signals.pdqVariants.transform"));
        classify(referral(referralId, null, Map.of("pdqVariants", List.of(Map.of("transform", "ROTATE_90", "pdq", pdq),
                Map.of("transform", "ROTATE_90", "pdq", Hashes.hex(64)))))).statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("signals.pdqVariants[1].transform"));
        classify(referral(referralId, null, Map.of("pdq", pdq, "pdqVariants",
                List.of(Map.of("transform", "ORIGINAL", "pdq", Hashes.hex(64)))))).statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("signals.pdqVariants[0].pdq"));
        // Nothing was stored for the referral.
        given().auth().oauth2(TestTokens.service("case-service")).queryParam("referralId", referralId.toString())
                .when().get("/api/v1/classifications")
                .then().statusCode(200).body("$", empty());
    }

    @Test
    void nothingFoundIsLowPriorityAndSaysSo() {
        classify(referral(UUID.randomUUID(), "Lovely weather in Lyon today.", Map.of("sha256", Hashes.sha256())))
                .statusCode(200)
                .body("categories", empty())
                .body("entity", nullValue())
                .body("tier", nullValue())
                .body("score", equalTo(0))
                .body("routing", equalTo("LOW_PRIORITY"))
                .body("explanations", hasItem(startsWith(
                        "Routing LOW_PRIORITY: no hash bank matched and the text names no designated entity")));
    }

    @Test
    void replayOfAReferralAnswersTheStoredVerdictAndCreatesNothing() {
        UUID referralId = UUID.randomUUID();
        ValidatableResponse first = classify(referral(referralId, "Join our ranks.", null)).statusCode(200)
                .body("categories", contains("GROUP_PARTICIPATION"));
        String id = first.extract().path("id");
        String classifiedAt = first.extract().path("classifiedAt");

        // Even with different content, the referral keeps the verdict it was given.
        classify(referral(referralId, "We will attack.", null)).statusCode(200)
                .body("id", equalTo(id))
                .body("classifiedAt", equalTo(classifiedAt))
                .body("categories", contains("GROUP_PARTICIPATION"))
                .body("referralId", equalTo(referralId.toString()));

        given().auth().oauth2(TestTokens.service("case-service")).when().get("/api/v1/classifications/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("classifiedAt", equalTo(classifiedAt))
                .body("score", equalTo(0.3f));
        given().auth().oauth2(TestTokens.service("case-service")).queryParam("referralId", referralId.toString())
                .when().get("/api/v1/classifications")
                .then().statusCode(200).body("id", contains(id));
    }

    @Test
    void simultaneousDeliveriesOfOneReferralStoreOneVerdict() throws Exception {
        Map<String, Object> body = referral(UUID.randomUUID(), "Daesh: we will strike.", null);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(5);
        try {
            java.util.List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(pool.submit(() -> classify(body).statusCode(200).extract().<String>path("id")));
            }
            java.util.Set<String> distinct = new java.util.HashSet<>();
            for (var id : ids) {
                distinct.add(id.get());
            }
            org.junit.jupiter.api.Assertions.assertEquals(1, distinct.size());
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(TestTokens.service("case-service")).queryParam("referralId", body.get("referralId"))
                .when().get("/api/v1/classifications")
                .then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void reviewersReadOnlyVerdictsOfTheirJurisdiction() {
        Map<String, Object> gbReferral = referral(UUID.randomUUID(), "ISIL", null);
        gbReferral.put("jurisdiction", "GB");
        String gbId = classify(gbReferral).statusCode(200).extract().path("id");
        given().auth().oauth2(TestTokens.gb("analyst", "reviewer")).when().get("/api/v1/classifications/" + gbId)
                .then().statusCode(200).body("entity", equalTo("Islamic State"));
        given().auth().oauth2(TestTokens.fr("analyste", "reviewer")).when().get("/api/v1/classifications/" + gbId)
                .then().statusCode(404).contentType("application/problem+json");

        String unstated = classify(referral(UUID.randomUUID(), "ISIL", null)).statusCode(200).extract().path("id");
        given().auth().oauth2(TestTokens.gb("analyst", "reviewer")).when().get("/api/v1/classifications/" + unstated)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.gb("officer", "referrer")).when().get("/api/v1/classifications/" + gbId)
                .then().statusCode(403);
    }

    @Test
    void onlyServicesClassify() {
        Map<String, Object> body = referral(UUID.randomUUID(), "ISIS", null);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/classifications")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.gb("analyst", "reviewer")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/classifications").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/classifications").then().statusCode(403);
        given().auth().oauth2(TestTokens.service("case-service")).queryParam("referralId", body.get("referralId"))
                .when().get("/api/v1/classifications")
                .then().statusCode(200).body("$", empty());
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() {
        UUID referralId = UUID.randomUUID();
        classify(referral(referralId, "ISIS", Map.of("sha256", "abc"))).statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("signals.sha256"));
        classify(referral(referralId, "ISIS", Map.of("md5", Hashes.sha256()))).statusCode(400)
                .body("violations.field", hasItem("signals.md5"));
        classify(referral(referralId, "ISIS", Map.of("pdqQuality", 101))).statusCode(400)
                .body("violations.field", hasItem("signals.pdqQuality"));
        Map<String, Object> noId = referral(referralId, "ISIS", null);
        noId.remove("referralId");
        classify(noId).statusCode(400).body("violations.field", contains("referralId"));
        Map<String, Object> badId = referral(referralId, "ISIS", null);
        badId.put("referralId", "not-a-uuid");
        classify(badId).statusCode(400).contentType("application/problem+json");
        Map<String, Object> badType = referral(referralId, "ISIS", null);
        badType.put("contentType", "PODCAST");
        classify(badType).statusCode(400).body("violations.field", contains("contentType"));
        Map<String, Object> badJurisdiction = referral(referralId, "ISIS", null);
        badJurisdiction.put("jurisdiction", "gb");
        classify(badJurisdiction).statusCode(400).body("violations.field", contains("jurisdiction"));

        given().auth().oauth2(TestTokens.service("case-service")).queryParam("referralId", referralId.toString())
                .when().get("/api/v1/classifications")
                .then().statusCode(200).body("$", empty());
        given().auth().oauth2(TestTokens.service("case-service")).queryParam("referralId", "nope")
                .when().get("/api/v1/classifications")
                .then().statusCode(400).body("violations.field", contains("referralId"));
        given().auth().oauth2(TestTokens.service("case-service")).when().get("/api/v1/classifications/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
