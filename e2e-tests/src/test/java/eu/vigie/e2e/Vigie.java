package eu.vigie.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import eu.vigie.local.KeycloakTokens;
import eu.vigie.local.Suite;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Requests to the running suite, as a given person or platform, with tokens Keycloak issued; and the
 * steps every scenario takes through the public APIs (register a platform, refer, assess, issue).
 */
final class Vigie {

    /** How long an asynchronous hop (outbox relay, webhook delivery) may take on a loaded machine. */
    static final Duration HOP = Duration.ofSeconds(60);

    private final Suite suite;
    private final KeycloakTokens tokens;

    Vigie(Suite suite) {
        this.suite = suite;
        this.tokens = suite.tokens();
    }

    String user(String realm, String username) {
        return tokens.user(realm, username);
    }

    String platform(String platformId) {
        return tokens.client("platforms", platformId, platformId + "-secret");
    }

    RequestSpecification as(String token, String service) {
        return given().baseUri(suite.service(service).baseUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    RequestSpecification anonymous(String service) {
        return given().baseUri(suite.service(service).baseUrl()).contentType(ContentType.JSON);
    }

    /**
     * Registers a platform (a client of the {@code platforms} realm of the same id) whose webhook is
     * the demo platform's. {@code hasReceivedOrder}: no 12-hour pre-notice holds its orders back.
     */
    void registerPlatform(String id, String hostname, String homeJurisdiction) {
        as(user("vigie", "admin"), "notify-service").body(Map.of(
                "id", id, "name", id + " (end-to-end test)", "hostnames", List.of(hostname),
                "homeJurisdiction", homeJurisdiction, "email", "abuse@" + hostname,
                "webhookUrl", suite.demoPlatform().webhookUrl(), "webhookSecret", suite.demoPlatform().secret(),
                "languages", List.of("en", "fr"), "hasReceivedOrder", true))
                .post("/api/v1/platforms").then().statusCode(anyOf(is(201), is(409)));
    }

    /** A text referral by {@code referrer} (a realm user); answers the referral's id. */
    String referText(String realm, String referrer, String url, String text) {
        return as(user(realm, referrer), "ingest-service").body(Map.of(
                "url", url, "contentType", "TEXT", "text", text, "language", "en"))
                .post("/api/v1/referrals").then().statusCode(201).extract().jsonPath().getString("id");
    }

    /** Waits until the referral has been handed to case-service; answers its case id. */
    String awaitCase(String realm, String reader, String referralId) {
        String token = user(realm, reader);
        return await().atMost(HOP).pollInterval(Duration.ofMillis(250))
                .until(() -> as(token, "ingest-service").get("/api/v1/referrals/" + referralId)
                        .then().statusCode(200).extract().jsonPath().getString("caseId"), id -> id != null);
    }

    /** {@code reviewer} assesses the case as terrorist content (incitement). */
    void assessTerrorist(String realm, String reviewer, String caseId) {
        as(user(realm, reviewer), "case-service").body(Map.of(
                "decision", "TERRORIST_CONTENT", "categories", List.of("INCITEMENT"), "tier", "PROMOTIONAL",
                "legalBasis", "Regulation (EU) 2021/784, Art. 2(7)(a)", "reasons", "Glorifies a terrorist attack"))
                .post("/api/v1/cases/" + caseId + "/assessment").then().statusCode(anyOf(is(200), is(201)));
    }

    /** {@code issuer} issues a removal order for the case; answers the order's id. */
    String issueOrder(String realm, String issuer, String caseId, String fileNumber) {
        return as(user(realm, issuer), "case-service").body(Map.of("fileNumber", fileNumber,
                "reasons", "The content glorifies a terrorist attack (Art. 2(7)(a))"))
                .post("/api/v1/cases/" + caseId + "/removal-orders")
                .then().statusCode(201).extract().jsonPath().getString("id");
    }

    /**
     * The flow up to an issued order, by the GB demo officers: a referral of {@code text} at {@code url},
     * its case, a terrorist-content assessment by one officer and the order issued by another; answers
     * the order's id.
     */
    String gbOrderFor(String url, String text, String fileNumber) {
        String caseId = awaitCase("gb", "gb-referrer", referText("gb", "gb-referrer", url, text));
        assessTerrorist("gb", "gb-reviewer", caseId);
        return issueOrder("gb", "gb-issuer", caseId, fileNumber);
    }

    /** The removal order as {@code reader} sees it. */
    JsonPath order(String realm, String reader, String orderId) {
        return as(user(realm, reader), "case-service").get("/api/v1/removal-orders/" + orderId)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the removal order satisfies {@code condition}; answers it. */
    JsonPath awaitOrder(String realm, String reader, String orderId, Duration atMost, Predicate<JsonPath> condition) {
        String token = user(realm, reader);
        return await().atMost(atMost).pollInterval(Duration.ofMillis(250))
                .until(() -> as(token, "case-service").get("/api/v1/removal-orders/" + orderId)
                        .then().statusCode(200).extract().jsonPath(), condition::test);
    }

    /** The deliveries of notify-service about a subject, as the operator sees them. */
    List<Map<String, Object>> deliveries(String subjectId) {
        return as(user("vigie", "admin"), "notify-service").queryParam("subjectId", subjectId).queryParam("limit", 200)
                .get("/api/v1/deliveries").then().statusCode(200).extract().jsonPath().getList("items");
    }
}
