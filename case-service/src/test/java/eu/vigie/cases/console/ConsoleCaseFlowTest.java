package eu.vigie.cases.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static eu.vigie.cases.Fixtures.GB_ISSUER;
import static eu.vigie.cases.Fixtures.GB_REVIEWER;
import static eu.vigie.cases.Fixtures.contentKey;
import static eu.vigie.cases.Fixtures.intake;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import eu.vigie.cases.Fixtures;
import eu.vigie.cases.IngestServiceMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Reporting, reviewing, issuing and following an order through the console, as officers do. */
@QuarkusTest
class ConsoleCaseFlowTest {

    private static final String TEXT = "Join the Example Front and glorify the attack";

    /** A GB case whose referral carries text with a classification that matched a hash and two text spans. */
    private static String caseWithEvidence(String sha256) {
        UUID referralId = UUID.randomUUID();
        String body = Fixtures.referral(referralId, "GB", "CTIRU", "sha256:" + sha256, "DESIGNATED_GROUP", 0.91)
                .replace("\"matches\":[]", """
                        "matches":[{"bank":"CONFIRMED","signalId":"%s","signalType":"SHA256","value":"%s","distance":0,
                          "labels":{"categories":["INCITEMENT"],"entity":"Example Front","tier":"DESIGNATED_GROUP"}}]
                        """.formatted(UUID.randomUUID(), sha256))
                .replace("\"indicators\":[]", """
                        "indicators":[{"kind":"ENTITY_NAME","term":"Example Front","category":null,"entity":"Example Front",
                          "start":9,"end":22,"language":"en","explanation":"names a designated group"},
                          {"kind":"CATEGORY_TERM","term":"glorify","category":"INCITEMENT","entity":null,
                          "start":27,"end":34,"language":"en","explanation":"glorification"}]
                        """);
        return intake(body).statusCode(201).extract().path("caseId");
    }

    private static String sha256() {
        return contentKey().substring(7);
    }

    @Test
    void reportGoesToIngestWithTheOfficersOwnTokenAndShowsTheResult() {
        UUID referralId = UUID.randomUUID();
        String otherCase = UUID.randomUUID().toString();
        String answer = """
                {"id":"%s","status":"ACCEPTED","url":"https://video.example/watch?v=abc","canonicalUrl":"https://video.example/watch?v=abc",
                 "platformId":"examplevideo","platformKnown":true,"contentType":"TEXT",
                 "signals":{"sha256":"%s","md5":"0123456789abcdef0123456789abcdef","pdq":null,"pdqQuality":null},
                 "duplicateOf":null,"caseId":null,"jurisdiction":"GB","agency":"CTIRU",
                 "deconfliction":{"caseId":"%s","ownerJurisdiction":"FR","ownerAgency":"PHAROS","status":"CONFIRMED"}}
                """.formatted(referralId, "a".repeat(64), otherCase);
        IngestServiceMock.server().stubFor(post(urlEqualTo("/api/v1/referrals"))
                .withRequestBody(matchingJsonPath("$.reference", equalTo("CTIRU-" + referralId)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(answer)));
        IngestServiceMock.server().stubFor(get(urlEqualTo("/api/v1/referrals/" + referralId))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(answer)));

        ConsoleBrowser referrer = ConsoleBrowser.signedIn("gb", "gb-referrer", "referrer");
        String form = referrer.get("/console/gb/report").then().statusCode(200)
                .body(containsString("<label for=\"url\">")).extract().asString();
        Response sent = referrer.postMultipart("/console/gb/report", form,
                Map.of("url", "https://video.example/watch?v=abc", "text", TEXT, "reference", "CTIRU-" + referralId,
                        "language", "en", "idempotencyKey", "k-" + referralId), null, null, null);
        assertEquals(303, sent.statusCode(), sent.asString());
        assertTrue(sent.header("Location").endsWith("/console/gb/referrals/" + referralId));

        IngestServiceMock.server().verify(1, postRequestedFor(urlEqualTo("/api/v1/referrals"))
                .withHeader("Authorization", equalTo("Bearer " + referrer.accessToken()))
                .withHeader("Idempotency-Key", equalTo("k-" + referralId))
                .withRequestBody(matchingJsonPath("$.contentType", equalTo("TEXT")))
                .withRequestBody(matchingJsonPath("$.text", equalTo(TEXT))));

        referrer.get("/console/gb/referrals/" + referralId).then().statusCode(200)
                .body(containsString("https://video.example/watch?v=abc"), containsString("examplevideo"),
                        containsString("a".repeat(64)), containsString("id=\"deconfliction\""),
                        containsString("FR (PHAROS)"), containsString(otherCase));
        IngestServiceMock.server().verify(getRequestedFor(urlEqualTo("/api/v1/referrals/" + referralId))
                .withHeader("Authorization", equalTo("Bearer " + referrer.accessToken())));
    }

    @Test
    void ingestRefusalIsShownOnTheFormReadably() {
        String reference = "CTIRU-refused-" + UUID.randomUUID();
        IngestServiceMock.server().stubFor(post(urlEqualTo("/api/v1/referrals"))
                .withRequestBody(matchingJsonPath("$.reference", equalTo(reference)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"urn:vigie:problem:invalid-request","title":"The request is not valid","status":400,
                         "detail":"url must be an http or https URL","violations":[{"field":"url","message":"must be an http or https URL"}]}
                        """)));
        ConsoleBrowser referrer = ConsoleBrowser.signedIn("gb", "gb-referrer", "referrer");
        String form = referrer.get("/console/gb/report").asString();
        Response refused = referrer.postMultipart("/console/gb/report", form,
                Map.of("url", "ftp://video.example/x", "reference", reference), null, null, null);
        assertEquals(400, refused.statusCode());
        String page = refused.asString();
        assertTrue(page.contains("role=\"alert\""), page);
        assertTrue(page.contains("must be an http or https URL"), page);
        assertTrue(page.contains("value=\"ftp://video.example/x\""), "the officer's input is kept");
    }

    @Test
    void caseShowsMatchedHashesAndHighlightedSpansBehindAGraphicContentWarning() {
        String sha = sha256();
        String caseId = caseWithEvidence(sha);
        IngestServiceMock.server().stubFor(get(urlEqualTo("/api/v1/evidence/" + sha)).willReturn(aResponse()
                .withHeader("Content-Type", "text/plain; charset=utf-8").withBody(TEXT.getBytes(StandardCharsets.UTF_8))));
        ConsoleBrowser reviewer = ConsoleBrowser.signedIn("gb", "gb-reviewer", "reviewer");
        reviewer.get("/console/gb/cases/" + caseId).then().statusCode(200)
                .body(containsString("CONFIRMED"), containsString("<td class=\"distance\">0</td>"),
                        containsString("<mark>glorify</mark>"), containsString("/content/" + sha));
        String warning = reviewer.get("/console/gb/cases/" + caseId + "/content/" + sha).then().statusCode(200)
                .body(containsString("id=\"graphic-warning\""), not(containsString(TEXT))).extract().asString();
        assertTrue(warning.contains("name=\"confirm\" value=\"yes\""));
        IngestServiceMock.server().verify(0, getRequestedFor(urlEqualTo("/api/v1/evidence/" + sha)));
        reviewer.get("/console/gb/cases/" + caseId + "/content/" + sha + "?confirm=yes").then().statusCode(200)
                .body(containsString("Join the <mark title=\"Example Front\">Example Front"),
                        containsString("<mark title=\"INCITEMENT\">glorify"));
        IngestServiceMock.server().verify(1, getRequestedFor(urlEqualTo("/api/v1/evidence/" + sha))
                .withHeader("Authorization", equalTo("Bearer " + reviewer.accessToken())));
        // a hash that is not the case's is not fetched for anyone
        reviewer.get("/console/gb/cases/" + caseId + "/content/" + sha256() + "?confirm=yes").then().statusCode(404);
    }

    @Test
    void reviewerClaimsAndAssessesThenAnotherOfficerIssuesAndWithdrawsTheOrder() {
        String caseId = Fixtures.gbCase("DESIGNATED_GROUP", 0.85);
        ConsoleBrowser reviewer = ConsoleBrowser.signedIn("gb", "gb-reviewer", "reviewer");
        String queue = reviewer.get("/console/gb/queue").then().statusCode(200).body(containsString(caseId))
                .extract().asString();
        Response claimed = reviewer.postForm("/console/gb/cases/" + caseId + "/claim", queue, Map.of());
        assertEquals(303, claimed.statusCode(), claimed.asString());
        String casePage = reviewer.get("/console/gb/cases/" + caseId).then().statusCode(200)
                .body(containsString("id=\"assessment-form\"")).extract().asString();
        Response assessed = reviewer.postForm("/console/gb/cases/" + caseId + "/assessment", casePage,
                Map.of("decision", "TERRORIST_CONTENT", "categories", List.of("INCITEMENT", "GROUP_PARTICIPATION"),
                        "tier", "DESIGNATED_GROUP", "entity", "Example Front",
                        "legalBasis", "Regulation (EU) 2021/784, Art. 2(7)(a)", "reasons", "Glorifies the attack"));
        assertEquals(303, assessed.statusCode(), assessed.asString());
        given().auth().oauth2(GB_REVIEWER).get("/api/v1/cases/{id}", caseId).then().statusCode(200)
                .body("status", is("CONFIRMED")).body("assessment.assessedBy", is("gb:gb-reviewer"))
                .body("assessment.categories", org.hamcrest.Matchers.contains("INCITEMENT", "GROUP_PARTICIPATION"));

        ConsoleBrowser issuer = ConsoleBrowser.signedIn("gb", "gb-issuer", "issuer");
        String issuePage = issuer.get("/console/gb/cases/" + caseId).then().statusCode(200)
                .body(containsString("id=\"order-form\""), containsString("Glorifies the attack"),
                        containsString("id=\"order-category-INCITEMENT\" name=\"categories\" value=\"INCITEMENT\" checked"))
                .extract().asString();
        Response issued = issuer.postForm("/console/gb/cases/" + caseId + "/removal-orders", issuePage,
                Map.of("fileNumber", "CTIRU/2026/42", "urls", "https://video.example/watch?v=" + caseId,
                        "categories", List.of("INCITEMENT"), "reasons", "Glorifies the attack"));
        assertEquals(303, issued.statusCode(), issued.asString());
        String orderPath = issued.header("Location").replaceFirst("^https?://[^/]+", "");
        String orderId = orderPath.substring(orderPath.lastIndexOf('/') + 1);
        given().auth().oauth2(GB_ISSUER).get("/api/v1/removal-orders/{id}", orderId).then().statusCode(200)
                .body("issuedBy", is("gb:gb-issuer")).body("authority.fileNumber", is("CTIRU/2026/42"));
        String orderPage = issuer.get(orderPath).then().statusCode(200)
                .body(containsString("id=\"timeline\""), containsString("CTIRU/2026/42"),
                        containsString("id=\"withdraw-form\"")).extract().asString();

        Response empty = issuer.postForm(orderPath + "/withdrawal", orderPage, Map.of("reasons", " "));
        assertEquals(400, empty.statusCode());
        assertTrue(empty.asString().contains("role=\"alert\""));
        Response withdrawn = issuer.postForm(orderPath + "/withdrawal", orderPage, Map.of("reasons", "Sent to the wrong platform"));
        assertEquals(303, withdrawn.statusCode(), withdrawn.asString());
        given().auth().oauth2(GB_ISSUER).get("/api/v1/removal-orders/{id}", orderId).then().statusCode(200)
                .body("status", is("WITHDRAWN")).body("withdrawal.withdrawnBy", is("gb:gb-issuer"));
    }

    @Test
    void invalidAssessmentIsShownWithItsFieldsAndChangesNothing() {
        String caseId = Fixtures.gbCase("DESIGNATED_GROUP", 0.85);
        ConsoleBrowser reviewer = ConsoleBrowser.signedIn("gb", "gb-reviewer", "reviewer").acceptLanguage("fr");
        String casePage = reviewer.get("/console/gb/cases/" + caseId).asString();
        Response refused = reviewer.postForm("/console/gb/cases/" + caseId + "/assessment", casePage,
                Map.of("decision", "TERRORIST_CONTENT", "categories", "NOT_A_CATEGORY", "entity", "Kept entity"));
        assertEquals(400, refused.statusCode());
        String page = refused.asString();
        assertTrue(page.contains("Le formulaire n'est pas valide") || page.contains("Le formulaire n&#39;est pas valide"), page);
        assertTrue(page.contains("<strong>reasons</strong>"), page);
        assertTrue(page.contains("<strong>categories</strong>"), page);
        assertTrue(page.contains("value=\"Kept entity\""), page);
        Response noCategory = reviewer.postForm("/console/gb/cases/" + caseId + "/assessment", casePage,
                Map.of("decision", "TERRORIST_CONTENT", "reasons", "No category given"));
        assertEquals(422 == noCategory.statusCode() || 400 == noCategory.statusCode(), true, noCategory.asString());
        assertTrue(noCategory.asString().contains("role=\"alert\""));
        given().auth().oauth2(GB_REVIEWER).get("/api/v1/cases/{id}", caseId).then().statusCode(200)
                .body("assessment", nullValue());
    }

    @Test
    void fourEyesRuleIsExplainedToTheOfficerWhoAssessed() {
        String caseId = Fixtures.gbCase("DESIGNATED_GROUP", 0.85);
        ConsoleBrowser both = ConsoleBrowser.signedIn("gb", "gb-both", "reviewer", "issuer");
        String casePage = both.get("/console/gb/cases/" + caseId).asString();
        both.postForm("/console/gb/cases/" + caseId + "/assessment", casePage,
                Map.of("decision", "TERRORIST_CONTENT", "categories", "INCITEMENT", "reasons", "Incites"));
        String after = both.get("/console/gb/cases/" + caseId).then().statusCode(200)
                .body(containsString("id=\"four-eyes\""), not(containsString("id=\"order-form\""))).extract().asString();
        Response refused = both.postForm("/console/gb/cases/" + caseId + "/removal-orders", after,
                Map.of("reasons", "I try anyway"));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.asString().contains("a second officer with the issuer role"), refused.asString());
        given().auth().oauth2(GB_ISSUER).get("/api/v1/cases/{id}", caseId).then().body("removalOrders.size()", is(0));
    }
}
