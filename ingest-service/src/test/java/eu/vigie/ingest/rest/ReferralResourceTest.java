package eu.vigie.ingest.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import eu.vigie.common.outbox.OutboxMessage;
import eu.vigie.ingest.Images;
import eu.vigie.ingest.Neighbours;
import eu.vigie.ingest.Referral;
import eu.vigie.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class ReferralResourceTest {

    static final String GB_REFERRER = TestTokens.gb("gb-referrer", "referrer");

    static String unique(String host) {
        return "https://" + host + "/watch/" + UUID.randomUUID();
    }

    static String textBody(String url, String text) {
        return """
                {"url":"%s","contentType":"TEXT","text":"%s","language":"en","reference":"CTIRU-123","notes":"seen on a channel"}
                """.formatted(url, text);
    }

    static ValidatableResponse submit(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/referrals").then();
    }

    static long referrals() {
        return QuarkusTransaction.requiringNew().call(() -> Referral.count());
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    @Test
    void referrerSubmitsTextAndItReachesACase() throws Exception {
        String text = "Join the fight " + UUID.randomUUID();
        String path = "/watch/" + UUID.randomUUID();
        String url = "HTTPS://M.ExampleVideo.test:443" + path + "?utm_source=x&v=1#t=3";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        String id = submit(GB_REFERRER, textBody(url, text))
                .statusCode(201)
                .header("Location", containsString("/api/v1/referrals/"))
                .body("status", equalTo("ACCEPTED"))
                .body("url", equalTo(url))
                .body("canonicalUrl", equalTo("https://m.examplevideo.test" + path + "?v=1"))
                .body("platformId", equalTo(Neighbours.PLATFORM))
                .body("platformKnown", equalTo(true))
                .body("contentType", equalTo("TEXT"))
                .body("signals.sha256", equalTo(sha256(bytes)))
                .body("signals.md5", equalTo(md5(bytes)))
                .body("signals.pdq", nullValue())
                .body("signals.pdqQuality", nullValue())
                .body("duplicateOf", nullValue())
                .body("caseId", nullValue())
                .body("jurisdiction", equalTo("GB"))
                .body("agency", equalTo("CTIRU"))
                .body("submittedBy", equalTo("gb:gb-referrer"))
                .body("submittedAt", notNullValue())
                .extract().path("id");

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(GB_REFERRER)
                .when().get("/api/v1/referrals/" + id)
                .then().statusCode(200)
                .body("status", equalTo("CASE_OPENED"))
                .body("caseId", equalTo(Neighbours.CASE_ID.toString()))
                .body("classification.score", equalTo(0.87f))
                .body("classification.tier", equalTo("DESIGNATED_GROUP"))
                .body("classification.categories", equalTo(List.of("INCITEMENT", "THREAT")))
                .body("classification.id", equalTo(Neighbours.CLASSIFICATION_ID.toString())));

        Neighbours.server().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/classifications"))
                .withRequestBody(matchingJsonPath("$.referralId", WireMock.equalTo(id)))
                .withRequestBody(matchingJsonPath("$.text", WireMock.equalTo(text)))
                .withRequestBody(matchingJsonPath("$.contentType", WireMock.equalTo("TEXT")))
                .withRequestBody(matchingJsonPath("$.platformId", WireMock.equalTo(Neighbours.PLATFORM)))
                .withRequestBody(matchingJsonPath("$.signals.sha256", WireMock.equalTo(sha256(bytes))))
                .withHeader("Authorization", WireMock.matching("Bearer .+")));
        Neighbours.server().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/intake/referrals"))
                .withRequestBody(matchingJsonPath("$.referralId", WireMock.equalTo(id)))
                .withRequestBody(matchingJsonPath("$.jurisdiction", WireMock.equalTo("GB")))
                .withRequestBody(matchingJsonPath("$.agency", WireMock.equalTo("CTIRU")))
                .withRequestBody(matchingJsonPath("$.submittedBy", WireMock.equalTo("gb:gb-referrer")))
                .withRequestBody(matchingJsonPath("$.contentKey", WireMock.equalTo("sha256:" + sha256(bytes))))
                .withRequestBody(matchingJsonPath("$.platformKnown", WireMock.equalTo("true")))
                .withRequestBody(matchingJsonPath("$.reference", WireMock.equalTo("CTIRU-123")))
                .withRequestBody(matchingJsonPath("$.classification.score", WireMock.equalTo("0.87")))
                .withRequestBody(matchingJsonPath("$.classification.referralId", WireMock.equalTo(id))));
    }

    @Test
    void urlOnlyReferralIsKeyedByCanonicalUrl() {
        String url = unique("www.examplevideo.test");
        String id = submit(GB_REFERRER, "{\"url\":\"" + url + "\"}")
                .statusCode(201)
                .body("contentType", equalTo("URL"))
                .body("signals.sha256", nullValue())
                .body("signals.md5", nullValue())
                .extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Neighbours.server().verify(1,
                postRequestedFor(urlPathEqualTo("/api/v1/intake/referrals"))
                        .withRequestBody(matchingJsonPath("$.referralId", WireMock.equalTo(id)))
                        .withRequestBody(matchingJsonPath("$.contentKey", WireMock.equalTo("url:" + url)))));
    }

    @Test
    void imageIsStoredAsEvidenceWithItsHashes() throws Exception {
        byte[] png = Images.png();
        submit(GB_REFERRER, """
                {"url":"%s","contentType":"IMAGE","media":{"mediaType":"image/png","dataBase64":"%s"}}
                """.formatted(unique("img.example"), Base64.getEncoder().encodeToString(png)))
                .statusCode(201)
                .body("contentType", equalTo("IMAGE"))
                .body("signals.sha256", equalTo(sha256(png)))
                .body("signals.md5", equalTo(md5(png)))
                .body("platformKnown", equalTo(false))
                .body("platformId", nullValue());
    }

    @Test
    void anonymousIsUnauthorized() {
        given().contentType(ContentType.JSON).body(textBody(unique("a.example"), "x"))
                .when().post("/api/v1/referrals")
                .then().statusCode(401).contentType("application/problem+json");
        given().when().get("/api/v1/referrals").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void onlyReferrersSubmit() {
        long before = referrals();
        submit(TestTokens.gb("gb-reviewer", "reviewer"), textBody(unique("a.example"), "x"))
                .statusCode(403).contentType("application/problem+json");
        submit(TestTokens.operator("auditor", "auditor"), textBody(unique("a.example"), "x"))
                .statusCode(403).contentType("application/problem+json");
        submit(TestTokens.platform("examplevideo"), textBody(unique("a.example"), "x"))
                .statusCode(403).contentType("application/problem+json");
        // a government issuer cannot make a referrer out of an operator account's roles, nor the reverse
        submit(TestTokens.operator("sneaky", "referrer"), textBody(unique("a.example"), "x"))
                .statusCode(403);
        assertEquals(before, referrals());
    }

    @Test
    void referrerWithoutAgencyIsRefused() {
        String noAgency = TestTokens.builder("gb", "lonely", "referrer").sign();
        submit(noAgency, textBody(unique("a.example"), "x")).statusCode(403).contentType("application/problem+json");
    }

    @Test
    void invalidReferralsAreRefusedAndChangeNothing() {
        long before = referrals();
        submit(GB_REFERRER, "{\"url\":\"ftp://files.example/x\"}").statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("url"));
        submit(GB_REFERRER, "{\"url\":\"https://user:pw@a.example/x\"}").statusCode(400)
                .body("violations.field", hasItem("url"))
                .body("detail", containsString("user information"));
        submit(GB_REFERRER, "{\"notes\":\"no url\"}").statusCode(400).body("violations.field", hasItem("url"));
        submit(GB_REFERRER, "{\"url\":\"" + unique("a.example") + "\",\"contentType\":\"TEXT\"}").statusCode(400)
                .body("violations.field", hasItem("text"));
        submit(GB_REFERRER, "{\"url\":\"" + unique("a.example") + "\",\"contentType\":\"IMAGE\"}").statusCode(400)
                .body("violations.field", hasItem("media"));
        submit(GB_REFERRER, """
                {"url":"%s","contentType":"IMAGE","media":{"mediaType":"image/png","dataBase64":"not*base64!"}}
                """.formatted(unique("a.example"))).statusCode(400).body("violations.field", hasItem("media.dataBase64"));
        submit(GB_REFERRER, """
                {"url":"%s","contentType":"VIDEO","media":{"mediaType":"image/png","dataBase64":"AAAA"}}
                """.formatted(unique("a.example"))).statusCode(400).body("violations.field", hasItem("media.mediaType"));
        submit(GB_REFERRER, """
                {"url":"%s","contentType":"DOCUMENT","media":{"mediaType":"","dataBase64":"AAAA"}}
                """.formatted(unique("a.example"))).statusCode(400).body("violations.field", hasItem("media.mediaType"));
        submit(GB_REFERRER, "{\"url\":\"" + unique("a.example") + "\",\"contentType\":\"PODCAST\"}").statusCode(400)
                .body("violations.field", hasItem("contentType"));
        submit(GB_REFERRER, "{\"url\":\"" + unique("a.example") + "\",\"language\":\"not a language\"}").statusCode(400)
                .body("violations.field", hasItem("language"));
        submit(GB_REFERRER, "{\"url\":\"" + unique("a.example") + "\",\"observedAt\":\"2999-01-01T00:00:00Z\"}")
                .statusCode(400).body("violations.field", hasItem("observedAt"));
        submit(GB_REFERRER, "{\"url\":\"" + unique("a.example") + "\",\"observedAt\":\"yesterday\"}")
                .statusCode(400).body("violations.field", hasItem("observedAt"));
        submit(GB_REFERRER, "{\"url\":\"" + unique("a.example") + "\",\"notes\":\"" + "n".repeat(4001) + "\"}")
                .statusCode(400).body("violations.field", hasItem("notes"));
        submit(GB_REFERRER, "{\"url\":\"" + unique("a.example") + "\",\"platformId\":\"Not A Slug\"}")
                .statusCode(400).body("violations.field", hasItem("platformId"));
        submit(GB_REFERRER, "{\"url\":").statusCode(400).contentType("application/problem+json")
                .body("detail", not(containsString("jackson")));
        assertEquals(before, referrals());
    }

    @Test
    void oversizedContentIsPayloadTooLarge() {
        long before = referrals();
        byte[] big = new byte[1024 * 1024 + 1];
        submit(GB_REFERRER, """
                {"url":"%s","contentType":"VIDEO","media":{"mediaType":"video/mp4","dataBase64":"%s"}}
                """.formatted(unique("a.example"), Base64.getEncoder().encodeToString(big)))
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
        // exactly at the limit is accepted
        byte[] atLimit = Images.mp4(1024 * 1024);
        submit(GB_REFERRER, """
                {"url":"%s","contentType":"VIDEO","media":{"mediaType":"video/mp4","dataBase64":"%s"}}
                """.formatted(unique("a.example"), Base64.getEncoder().encodeToString(atLimit)))
                .statusCode(201);
        assertEquals(before + 1, referrals());
    }

    @Test
    void replayWithSameKeyAnswersTheOriginalAndCreatesNothing() {
        String body = textBody(unique("a.example"), "replayed " + UUID.randomUUID());
        String key = "key-" + UUID.randomUUID();
        var first = given().auth().oauth2(GB_REFERRER).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/referrals").then().statusCode(201).extract();
        long after = referrals();
        long messages = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count());

        // a fresh token of the same user, the body re-indented: still the same request
        var second = given().auth().oauth2(TestTokens.gb("gb-referrer", "referrer")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body.replace(",", ",\n  "))
                .when().post("/api/v1/referrals").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract();

        assertEquals(first.body().asString(), second.body().asString());
        assertEquals(first.header("Location"), second.header("Location"));
        assertEquals(after, referrals());
        assertEquals(messages, (long) QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count()));
    }

    @Test
    void sameKeyWithAnotherBodyIsUnprocessable() {
        String key = "key-" + UUID.randomUUID();
        given().auth().oauth2(GB_REFERRER).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(textBody(unique("a.example"), "one")).when().post("/api/v1/referrals").then().statusCode(201);
        long after = referrals();
        given().auth().oauth2(GB_REFERRER).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(textBody(unique("a.example"), "two")).when().post("/api/v1/referrals")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:vigie:problem:idempotency-key-reused"));
        assertEquals(after, referrals());
    }

    @Test
    void idempotencyKeysBelongToTheirCaller() {
        String key = "shared-" + UUID.randomUUID();
        String body = textBody(unique("a.example"), "same words");
        String first = given().auth().oauth2(GB_REFERRER).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/referrals").then().statusCode(201).extract().path("id");
        String second = given().auth().oauth2(TestTokens.gb("other-referrer", "referrer")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/referrals").then().statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract().path("id");
        assertNotEquals(first, second);
    }

    @Test
    void notifyDownStillAcceptsWithPlatformUnknown() {
        submit(GB_REFERRER, textBody(unique(Neighbours.DOWN_HOST), "x"))
                .statusCode(201)
                .body("platformId", nullValue())
                .body("platformKnown", equalTo(false));
    }

    @Test
    void hostUnknownToRegistryIsFlagged() {
        submit(GB_REFERRER, textBody(unique("nobody-knows.example"), "x"))
                .statusCode(201)
                .body("platformId", nullValue())
                .body("platformKnown", equalTo(false));
    }

    @Test
    void namedPlatformMustBeRegistered() {
        long before = referrals();
        submit(GB_REFERRER, "{\"url\":\"" + unique("a.example") + "\",\"platformId\":\"ghost\"}")
                .statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem("platformId"));
        assertEquals(before, referrals());
        submit(GB_REFERRER, "{\"url\":\"" + unique("elsewhere.example") + "\",\"platformId\":\"examplevideo\"}")
                .statusCode(201).body("platformId", equalTo("examplevideo")).body("platformKnown", equalTo(true));
    }

    @Test
    void laterReferralsOfTheSameUrlOrBytesPointAtTheEarliestOfTheirOwnJurisdiction() {
        String path = "/watch/" + UUID.randomUUID();
        String first = submit(GB_REFERRER, "{\"url\":\"https://dup.example" + path + "?b=2&a=1\"}").statusCode(201)
                .body("duplicateOf", nullValue()).extract().path("id");
        // another agency of the same jurisdiction, another spelling of the same URL
        submit(TestTokens.government("gb", "ofcom-referrer", "OFCOM", "referrer"),
                "{\"url\":\"HTTPS://DUP.example:443" + path + "?a=1&b=2&fbclid=x\"}")
                .statusCode(201).body("duplicateOf", equalTo(first));
        submit(GB_REFERRER, "{\"url\":\"https://dup.example" + path + "?a=1&b=2\"}")
                .statusCode(201).body("duplicateOf", equalTo(first));

        String words = "the same words " + UUID.randomUUID();
        String byText = submit(GB_REFERRER, textBody(unique("one.example"), words)).statusCode(201)
                .body("duplicateOf", nullValue()).extract().path("id");
        submit(GB_REFERRER, textBody(unique("two.example"), words)).statusCode(201)
                .body("duplicateOf", equalTo(byText));
    }

    @Test
    void duplicateOfNeverNamesAnotherJurisdictionsReferral() {
        String fr = TestTokens.fr("fr-referrer", "referrer");
        String path = "/watch/" + UUID.randomUUID();
        String gbFirst = submit(GB_REFERRER, "{\"url\":\"https://xdup.example" + path + "\"}").statusCode(201)
                .extract().path("id");
        String frFirst = submit(fr, "{\"url\":\"https://XDUP.example" + path + "?utm_source=x\"}").statusCode(201)
                .body("duplicateOf", nullValue()).extract().path("id");
        assertNotEquals(gbFirst, frFirst);
        // within France the later referral points at France's first
        submit(fr, "{\"url\":\"https://xdup.example" + path + "\"}").statusCode(201).body("duplicateOf", equalTo(frFirst));
        given().auth().oauth2(fr).get("/api/v1/referrals/" + frFirst).then().statusCode(200)
                .body("duplicateOf", nullValue());

        // the same bytes (a text) first reported by GB: France is told of the case only, once it exists
        String words = "shared words " + UUID.randomUUID();
        String gbText = submit(GB_REFERRER, textBody(unique("one.example"), words)).statusCode(201).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(GB_REFERRER)
                .get("/api/v1/referrals/" + gbText).then().statusCode(200).body("status", equalTo("CASE_OPENED")));
        String answer = submit(fr, textBody(unique("two.example"), words)).statusCode(201)
                .body("duplicateOf", nullValue())
                .body("deconfliction.caseId", equalTo(Neighbours.CASE_ID.toString()))
                .body("deconfliction.ownerJurisdiction", equalTo("GB"))
                .extract().asString();
        assertTrue(!answer.contains(gbText), "the answer names no GB referral id");
    }

    @Test
    void listingFiltersByAgencyAcrossPages() {
        String agency = "AG" + UUID.randomUUID().toString().substring(0, 8);
        String other = "AG" + UUID.randomUUID().toString().substring(0, 8);
        String officer = TestTokens.government("gb", "agency-" + agency, agency, "referrer");
        String colleague = TestTokens.government("gb", "agency-" + other, other, "referrer");
        String a = submit(officer, textBody(unique("ag.example"), "a")).statusCode(201).extract().path("id");
        submit(colleague, textBody(unique("ag.example"), "x")).statusCode(201);
        String b = submit(officer, textBody(unique("ag.example"), "b")).statusCode(201).extract().path("id");
        submit(colleague, textBody(unique("ag.example"), "y")).statusCode(201);
        String c = submit(officer, textBody(unique("ag.example"), "c")).statusCode(201).extract().path("id");

        String reviewer = TestTokens.gb("gb-reviewer", "reviewer");
        var page1 = given().auth().oauth2(reviewer).queryParam("agency", agency).queryParam("limit", 2)
                .get("/api/v1/referrals").then().statusCode(200).body("items.agency", equalTo(List.of(agency, agency)))
                .extract();
        assertEquals(List.of(a, b), page1.path("items.id"));
        var page2 = given().auth().oauth2(reviewer).queryParam("agency", agency).queryParam("limit", 2)
                .queryParam("cursor", (String) page1.path("nextCursor")).get("/api/v1/referrals").then().statusCode(200)
                .extract();
        assertEquals(List.of(c), page2.path("items.id"));
        assertNull(page2.path("nextCursor"));

        // a referrer sees only their own agency, whatever they ask for
        given().auth().oauth2(colleague).queryParam("agency", agency).get("/api/v1/referrals").then().statusCode(200)
                .body("items", equalTo(List.of()));
        // another jurisdiction's reviewer finds nothing of it
        given().auth().oauth2(TestTokens.fr("fr-reviewer", "reviewer")).queryParam("agency", agency)
                .get("/api/v1/referrals").then().statusCode(200).body("items", equalTo(List.of()));
        given().auth().oauth2(TestTokens.operator("auditor", "auditor")).queryParam("agency", agency)
                .queryParam("limit", 200).get("/api/v1/referrals").then().statusCode(200)
                .body("items.id", equalTo(List.of(a, b, c)));
        given().auth().oauth2(reviewer).queryParam("agency", "A".repeat(101)).get("/api/v1/referrals").then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("agency"));
        given().auth().oauth2(reviewer).queryParam("agency", "CT\u0007IRU").get("/api/v1/referrals").then()
                .statusCode(400);
    }

    @Test
    void shortLinksOfThePlatformGiveTheSameCanonicalUrlAsTheLongForm() {
        String shortHost = "s" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        String longHost = "video-" + shortHost;
        String platform = """
                {"id":"shortvideo","name":"Short Video","hostnames":["%s","%s"],"homeJurisdiction":"IE",
                 "shortLinks":[{"host":"%s","pattern":"^/([A-Za-z0-9_-]{4,32})$","canonical":"https://%s/watch?v={1}"}]}"""
                .formatted(longHost, shortHost, shortHost, longHost);
        List<StubMapping> stubs = new java.util.ArrayList<>();
        for (String host : List.of(shortHost, longHost)) {
            stubs.add(Neighbours.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v1/platforms"))
                    .withQueryParam("hostname", WireMock.equalTo(host)).atPriority(1)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("[" + platform + "]"))));
        }
        try {
            String longForm = submit(GB_REFERRER, "{\"url\":\"https://" + longHost + "/watch?v=Abc_123&utm_source=x\"}")
                    .statusCode(201).body("canonicalUrl", equalTo("https://" + longHost + "/watch?v=Abc_123"))
                    .body("platformId", equalTo("shortvideo")).extract().path("id");
            submit(GB_REFERRER, "{\"url\":\"HTTPS://" + shortHost.toUpperCase() + "/Abc_123?si=tracking#t=10\"}")
                    .statusCode(201).body("canonicalUrl", equalTo("https://" + longHost + "/watch?v=Abc_123"))
                    .body("url", equalTo("HTTPS://" + shortHost.toUpperCase() + "/Abc_123?si=tracking#t=10"))
                    .body("platformId", equalTo("shortvideo")).body("platformKnown", equalTo(true))
                    .body("duplicateOf", equalTo(longForm));
            // a path the pattern does not match stays as it is
            submit(GB_REFERRER, "{\"url\":\"https://" + shortHost + "/a/b\"}").statusCode(201)
                    .body("canonicalUrl", equalTo("https://" + shortHost + "/a/b"));
        } finally {
            stubs.forEach(Neighbours.server()::removeStub);
        }
    }

    @Test
    void referralsAreVisibleToTheirJurisdictionAndAgencyOnly() {
        String id = submit(GB_REFERRER, textBody(unique("a.example"), "private")).statusCode(201).extract().path("id");
        given().auth().oauth2(GB_REFERRER).get("/api/v1/referrals/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.gb("gb-reviewer", "reviewer")).get("/api/v1/referrals/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.gb("gb-issuer", "issuer")).get("/api/v1/referrals/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.operator("auditor", "auditor")).get("/api/v1/referrals/" + id).then().statusCode(200);

        given().auth().oauth2(TestTokens.fr("fr-reviewer", "reviewer")).get("/api/v1/referrals/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.fr("fr-referrer", "referrer")).get("/api/v1/referrals/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.government("gb", "ofcom-referrer", "OFCOM", "referrer"))
                .get("/api/v1/referrals/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.gb("gb-regulator", "regulator")).get("/api/v1/referrals/" + id).then().statusCode(403);
        given().auth().oauth2(GB_REFERRER).get("/api/v1/referrals/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(GB_REFERRER).get("/api/v1/referrals/not-a-uuid").then().statusCode(404);

        List<String> frSees = given().auth().oauth2(TestTokens.fr("fr-reviewer", "reviewer"))
                .queryParam("limit", 200).get("/api/v1/referrals").then().statusCode(200).extract().path("items.id");
        assertTrue(!frSees.contains(id));
    }

    @Test
    void listingPagesWithCursorAndFilters() {
        String agency = "AG" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.government("gb", "paging-" + agency, agency, "referrer");
        String since = java.time.Instant.now().minusSeconds(1).toString();
        String a = submit(token, textBody(unique("p.example"), "a")).statusCode(201).extract().path("id");
        String b = submit(token, "{\"url\":\"" + unique("p.example") + "\",\"platformId\":\"examplevideo\"}")
                .statusCode(201).extract().path("id");
        String c = submit(token, textBody(unique("p.example"), "c")).statusCode(201).extract().path("id");

        var page1 = given().auth().oauth2(token).queryParam("limit", 2).get("/api/v1/referrals")
                .then().statusCode(200).extract();
        assertEquals(List.of(a, b), page1.path("items.id"));
        String cursor = page1.path("nextCursor");
        var page2 = given().auth().oauth2(token).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/api/v1/referrals").then().statusCode(200).extract();
        assertEquals(List.of(c), page2.path("items.id"));
        assertNull(page2.path("nextCursor"));

        given().auth().oauth2(token).queryParam("platformId", "examplevideo").get("/api/v1/referrals")
                .then().statusCode(200).body("items.id", equalTo(List.of(b)));
        given().auth().oauth2(token).queryParam("since", since).queryParam("status", "ACCEPTED").get("/api/v1/referrals").then().statusCode(200);
        given().auth().oauth2(token).queryParam("since", "2999-01-01T00:00:00Z").get("/api/v1/referrals")
                .then().statusCode(200).body("items", equalTo(List.of())).body("nextCursor", nullValue());

        given().auth().oauth2(token).queryParam("limit", 0).get("/api/v1/referrals").then().statusCode(400)
                .body("violations.field", hasItem("limit"));
        given().auth().oauth2(token).queryParam("limit", 201).get("/api/v1/referrals").then().statusCode(400);
        given().auth().oauth2(token).queryParam("cursor", "garbage!").get("/api/v1/referrals").then().statusCode(400)
                .body("violations.field", hasItem("cursor"));
        given().auth().oauth2(token).queryParam("status", "LOST").get("/api/v1/referrals").then().statusCode(400)
                .body("violations.field", hasItem("status"));
        given().auth().oauth2(token).queryParam("since", "last week").get("/api/v1/referrals").then().statusCode(400)
                .body("violations.field", hasItem("since"));
    }

    @Test
    void classifyDownKeepsTheReferralUntilItIsBack() {
        String url = unique("a.example");
        StubMapping down = Neighbours.server().stubFor(WireMock.post(urlPathEqualTo("/api/v1/classifications"))
                .withRequestBody(matchingJsonPath("$.url", WireMock.equalTo(url))).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        try {
            String id = submit(GB_REFERRER, textBody(url, "while classify is down")).statusCode(201)
                    .body("status", equalTo("ACCEPTED")).extract().path("id");
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Neighbours.server().verify(
                    WireMock.moreThanOrExactly(2), postRequestedFor(urlPathEqualTo("/api/v1/classifications"))
                            .withRequestBody(matchingJsonPath("$.referralId", WireMock.equalTo(id)))));
            // not skipped: case-service has not been told, the referral waits
            Neighbours.server().verify(0, postRequestedFor(urlPathEqualTo("/api/v1/intake/referrals"))
                    .withRequestBody(matchingJsonPath("$.referralId", WireMock.equalTo(id))));
            given().auth().oauth2(GB_REFERRER).get("/api/v1/referrals/" + id).then()
                    .body("status", equalTo("ACCEPTED")).body("caseId", nullValue());

            Neighbours.server().removeStub(down);
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(GB_REFERRER)
                    .get("/api/v1/referrals/" + id).then()
                    .body("status", equalTo("CASE_OPENED"))
                    .body("caseId", equalTo(Neighbours.CASE_ID.toString())));
            Neighbours.server().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/intake/referrals"))
                    .withRequestBody(matchingJsonPath("$.referralId", WireMock.equalTo(id))));
        } finally {
            Neighbours.server().removeStub(down);
        }
    }

    @Test
    void caseDownKeepsTheClassificationAndRetries() {
        String url = unique("a.example");
        StubMapping down = Neighbours.server().stubFor(WireMock.post(urlPathEqualTo("/api/v1/intake/referrals"))
                .withRequestBody(matchingJsonPath("$.url", WireMock.equalTo(url))).atPriority(1)
                .willReturn(aResponse().withStatus(502)));
        try {
            String id = submit(GB_REFERRER, textBody(url, "while case is down")).statusCode(201).extract().path("id");
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(GB_REFERRER)
                    .get("/api/v1/referrals/" + id).then()
                    .body("status", equalTo("CLASSIFIED"))
                    .body("classification.score", equalTo(0.87f))
                    .body("caseId", nullValue()));
            Neighbours.server().removeStub(down);
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(GB_REFERRER)
                    .get("/api/v1/referrals/" + id).then()
                    .body("status", equalTo("CASE_OPENED"))
                    .body("caseId", equalTo(Neighbours.CASE_ID.toString())));
        } finally {
            Neighbours.server().removeStub(down);
        }
    }

    private static List<io.restassured.path.json.JsonPath> batch(String token, String key, String body, int status) {
        var request = given().auth().oauth2(token).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        String answer = request.when().post("/api/v1/referrals/batch").then().statusCode(status).extract().asString();
        return answer.lines().map(io.restassured.path.json.JsonPath::from).toList();
    }

    @Test
    void batchSubmitsEachLineAndAnswersALineForEach() {
        long before = referrals();
        String body = "{\"url\":\"" + unique("batch.example") + "\"}\n"
                + "{\"url\":\"gopher://batch.example/x\"}\n"
                + "\n"
                + textBody(unique("batch.example"), "batched text").strip() + "\n"
                + "{\"url\": [\n";
        List<io.restassured.path.json.JsonPath> results = batch(GB_REFERRER, null, body, 200);
        assertEquals(4, results.size());
        assertEquals(1, results.get(0).getInt("line"));
        assertEquals(201, results.get(0).getInt("status"));
        assertEquals("ACCEPTED", results.get(0).getString("referral.status"));
        assertEquals(2, results.get(1).getInt("line"));
        assertEquals(400, results.get(1).getInt("status"));
        assertEquals("url", results.get(1).getString("problem.violations[0].field"));
        assertEquals(4, results.get(2).getInt("line"));
        assertEquals("TEXT", results.get(2).getString("referral.contentType"));
        assertEquals(5, results.get(3).getInt("line"));
        assertEquals(400, results.get(3).getInt("status"));
        assertEquals(before + 2, referrals());
    }

    @Test
    void batchSentAgainWithItsKeyAnswersTheOriginalResults() {
        String key = "batch-" + UUID.randomUUID();
        String body = "{\"url\":\"" + unique("batch.example") + "\"}\n"
                + textBody(unique("batch.example"), "again").strip() + "\n";
        List<io.restassured.path.json.JsonPath> first = batch(GB_REFERRER, key, body, 200);
        long after = referrals();
        List<io.restassured.path.json.JsonPath> second = batch(GB_REFERRER, key, body, 200);
        assertEquals(after, referrals());
        assertEquals(first.get(0).getString("referral.id"), second.get(0).getString("referral.id"));
        assertEquals(first.get(1).getString("referral.id"), second.get(1).getString("referral.id"));
        assertTrue(second.get(0).getBoolean("replayed"));
    }

    @Test
    void batchIsForReferrersOnly() {
        given().contentType("application/x-ndjson").body("{}\n".getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/referrals/batch")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.gb("gb-reviewer", "reviewer")).contentType("application/x-ndjson")
                .body("{}\n".getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/referrals/batch")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneReferral() throws Exception {
        String key = "race-" + UUID.randomUUID();
        String body = textBody(unique("race.example"), "raced " + UUID.randomUUID());
        long before = referrals();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> given().auth().oauth2(GB_REFERRER).header("Idempotency-Key", key)
                        .contentType(ContentType.JSON).body(body).when().post("/api/v1/referrals")
                        .then().statusCode(201).extract().<String>path("id")));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var answer : answers) {
                ids.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(1, ids.size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before + 1, referrals());
    }

    @Test
    void reporterOfContentWhoseCaseAnotherJurisdictionOwnsIsToldThatAndNothingMore() {
        String url = unique("deconflict.example");
        String gbId = submit(GB_REFERRER, "{\"url\":\"" + url + "\"}").statusCode(201)
                .body("deconfliction", nullValue()).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(GB_REFERRER)
                .when().get("/api/v1/referrals/" + gbId).then().statusCode(200)
                .body("status", equalTo("CASE_OPENED")).body("deconfliction", nullValue()));

        String fr = TestTokens.fr("fr-referrer", "referrer");
        String frId = submit(fr, "{\"url\":\"" + url + "\"}").statusCode(201)
                .body("deconfliction.caseId", equalTo(Neighbours.CASE_ID.toString()))
                .body("deconfliction.ownerJurisdiction", equalTo("GB"))
                .body("deconfliction.ownerAgency", equalTo("CTIRU"))
                .body("deconfliction.status", equalTo("OPEN"))
                .body("deconfliction.size()", equalTo(4))
                .extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(fr)
                .when().get("/api/v1/referrals/" + frId).then().statusCode(200)
                .body("status", equalTo("CASE_OPENED"))
                .body("deconfliction.caseId", equalTo(Neighbours.CASE_ID.toString()))
                .body("deconfliction.ownerJurisdiction", equalTo("GB"))
                .body("deconfliction.ownerAgency", equalTo("CTIRU"))
                .body("deconfliction.status", equalTo("OPEN")));
    }
}
