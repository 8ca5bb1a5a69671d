package eu.vigie.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import eu.vigie.local.DemoPlatform;
import eu.vigie.local.Suite;
import io.restassured.path.json.JsonPath;

/**
 * DESIGN.md's flow through the public APIs of the real suite: an admin registers a platform, a GB
 * referrer reports a URL on it, the referral is classified and becomes a case, a reviewer assesses
 * it, a different officer issues a removal order, the platform receives it as a signed webhook
 * (the clock starts), answers with Annex II, and the order is complied.
 */
@ExtendWith(SuiteExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HappyPathTest {

    static Vigie vigie;
    static Suite suite;

    @BeforeAll
    static void connect() {
        suite = SuiteExtension.suite();
        vigie = new Vigie(suite);
        String admin = vigie.user("vigie", "admin");
        DemoPlatform platform = suite.demoPlatform();
        vigie.as(admin, "notify-service").body(Map.of(
                "id", "examplevideo", "name", "ExampleVideo Ltd", "hostnames", List.of("video.example"),
                "homeJurisdiction", "GB", "email", "abuse@video.example",
                "webhookUrl", platform.webhookUrl(), "webhookSecret", platform.secret(), "languages", List.of("en"),
                // Not its first order, so no 12-hour pre-notice holds this one back.
                "hasReceivedOrder", true))
                .post("/api/v1/platforms")
                .then().statusCode(anyOf(is(201), is(409)));
    }

    @Test
    @Order(1)
    void everyApiRefusesCallsWithoutATrustedToken() {
        // A real token, from Keycloak's master realm: an issuer no service is configured to trust.
        String masterToken = suite.tokens().password("master", "admin-cli", "admin", "admin");
        for (String service : Suite.SERVICES) {
            String path = switch (service) {
                case "ingest-service" -> "/api/v1/referrals";
                case "classify-service" -> "/api/v1/banks";
                case "case-service" -> "/api/v1/cases";
                default -> "/api/v1/platforms";
            };
            vigie.anonymous(service).get(path).then().statusCode(401).contentType("application/problem+json");
            vigie.as(masterToken, service).get(path).then().statusCode(401);
        }
    }

    @Test
    @Order(2)
    void referralTravelsToACompliedRemovalOrder() {
        String referrer = vigie.user("gb", "gb-referrer");
        String senior = vigie.user("gb", "gb-senior");
        String issuer = vigie.user("gb", "gb-issuer");
        String frReviewer = vigie.user("fr", "fr-reviewer");
        Instant begin = Instant.now();

        // 1. Report: tracking parameters are dropped, the platform is recognised from its hostname.
        JsonPath referral = vigie.as(referrer, "ingest-service").body(Map.of(
                "url", "https://WWW.Video.Example:443/watch?v=42&utm_source=feed#t=10",
                "contentType", "TEXT", "text", "Join the jihad: Daesh needs you. Glory to the martyrs.",
                "language", "en", "reference", "CTIRU-E2E-1"))
                .post("/api/v1/referrals")
                .then().statusCode(201)
                .body("canonicalUrl", equalTo("https://www.video.example/watch?v=42"))
                .body("platformId", equalTo("examplevideo"))
                .body("signals.sha256", matchesPattern("[0-9a-f]{64}"))
                .extract().jsonPath();
        String referralId = referral.getString("id");

        // 2. Classified and handed to case-service: the referral learns its case.
        String caseId = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> vigie.as(referrer, "ingest-service").get("/api/v1/referrals/" + referralId)
                        .then().statusCode(200).extract().jsonPath().getString("caseId"), id -> id != null);

        // France cannot read the UK's case.
        int frStatus = vigie.as(frReviewer, "case-service").get("/api/v1/cases/" + caseId).statusCode();
        assertTrue(frStatus == 403 || frStatus == 404, "a fr reviewer read a gb case: " + frStatus);

        JsonPath theCase = vigie.as(senior, "case-service").get("/api/v1/cases/" + caseId)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("GB", theCase.getString("ownerJurisdiction"));
        assertTrue(theCase.getList("classification.indicators").size() > 0, "the text indicator explains the verdict");

        // 3. Assessed by one officer...
        vigie.as(senior, "case-service").body(Map.of(
                "decision", "TERRORIST_CONTENT", "categories", List.of("INCITEMENT", "GROUP_PARTICIPATION"),
                "tier", "DESIGNATED_GROUP", "entity", "Islamic State",
                "legalBasis", "Regulation (EU) 2021/784, Art. 3; Terrorism Act 2006, s. 3",
                "reasons", "Recruitment call for a proscribed organisation"))
                .post("/api/v1/cases/" + caseId + "/assessment")
                .then().statusCode(anyOf(is(200), is(201)));

        // ...who may not issue the order on their own assessment (four eyes)...
        Map<String, Object> order = Map.of("fileNumber", "CTIRU-E2E-1",
                "reasons", "Content incites terrorist offences and solicits participation in a terrorist group");
        vigie.as(senior, "case-service").body(order).post("/api/v1/cases/" + caseId + "/removal-orders")
                .then().statusCode(403).contentType("application/problem+json");

        // ...so a second officer issues it.
        String orderId = vigie.as(issuer, "case-service").body(order).post("/api/v1/cases/" + caseId + "/removal-orders")
                .then().statusCode(201).body("status", notNullValue())
                .extract().jsonPath().getString("id");

        // 4. Delivered as a Standard Webhooks-signed POST that the platform verified; the clock starts at receipt.
        await().atMost(Duration.ofSeconds(30)).until(() -> suite.demoPlatform().received().stream()
                .anyMatch(r -> r.body().contains(orderId)));
        JsonPath received = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> vigie.as(issuer, "case-service").get("/api/v1/removal-orders/" + orderId)
                        .then().statusCode(200).extract().jsonPath(), o -> o.getString("receivedAt") != null);
        assertEquals("RECEIVED", received.getString("status"));
        Instant receivedAt = Instant.parse(received.getString("receivedAt"));
        // The deadline is receipt plus the compliance period (the legal hour; shortened in this test deployment).
        assertEquals(receivedAt.plus(SuiteExtension.COMPLIANCE_PERIOD), Instant.parse(received.getString("deadlineAt")));

        // 5. The platform finds it in its inbox and answers with Annex II.
        String platform = vigie.platform("examplevideo");
        vigie.as(platform, "notify-service").get("/api/v1/inbox")
                .then().statusCode(200).body("items.subjectId", hasItem(orderId));
        Instant removedAt = Instant.now();
        vigie.as(platform, "notify-service").body(Map.of("form", "ANNEX_II", "action", "REMOVED",
                "actionAt", removedAt.toString(), "reference", "EV-TICKET-1"))
                .post("/api/v1/removal-orders/" + orderId + "/feedback")
                .then().statusCode(anyOf(is(200), is(202)));
        // Another platform cannot answer for it.
        vigie.as(vigie.platform("examplesocial"), "notify-service").body(Map.of("form", "ANNEX_II", "action", "REMOVED",
                "actionAt", removedAt.toString())).post("/api/v1/removal-orders/" + orderId + "/feedback")
                .then().statusCode(anyOf(is(403), is(404)));

        // 6. Complied.
        JsonPath complied = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> vigie.as(issuer, "case-service").get("/api/v1/removal-orders/" + orderId)
                        .then().statusCode(200).extract().jsonPath(), o -> "COMPLIED".equals(o.getString("status")));
        assertEquals(removedAt.toEpochMilli() / 1000, Instant.parse(complied.getString("compliedAt")).toEpochMilli() / 1000);
        System.out.printf("Happy path: referral to complied order in %d ms%n",
                Duration.between(begin, Instant.now()).toMillis());

        // The proof of delivery is on record.
        vigie.as(vigie.user("vigie", "admin"), "notify-service").queryParam("subjectId", orderId)
                .get("/api/v1/deliveries").then().statusCode(200)
                .body("items.flatten().receivedAt", hasItem(notNullValue()));
    }
}
