package eu.vigie.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import eu.vigie.testing.EmbeddedPostgresResource;
import eu.vigie.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Builds the state tests start from, through the public API only. */
public final class Fixtures {

    public static final String GB_REVIEWER = TestTokens.gb("gb-reviewer", "reviewer");
    public static final String GB_REVIEWER_2 = TestTokens.gb("gb-reviewer-2", "reviewer");
    public static final String GB_ISSUER = TestTokens.gb("gb-issuer", "issuer");
    public static final String GB_REVIEWER_AND_ISSUER = TestTokens.gb("gb-both", "reviewer", "issuer");
    public static final String GB_REFERRER = TestTokens.gb("gb-referrer", "referrer");
    public static final String FR_REFERRER = TestTokens.fr("fr-referrer", "referrer");
    public static final String FR_REVIEWER = TestTokens.fr("fr-reviewer", "reviewer");
    public static final String FR_ISSUER = TestTokens.fr("fr-issuer", "issuer");
    public static final String AUDITOR = TestTokens.operator("auditor", "auditor");
    public static final String INGEST = TestTokens.service("ingest-service");
    public static final String NOTIFY = TestTokens.service("notify-service");
    public static final String GB_REGULATOR = TestTokens.gb("gb-regulator", "regulator");
    public static final String FR_REGULATOR = TestTokens.fr("fr-regulator", "regulator");
    public static final String GB_SCRUTINEER = TestTokens.gb("gb-scrutineer", "scrutineer");
    public static final String FR_SCRUTINEER = TestTokens.fr("fr-scrutineer", "scrutineer");

    private static final SecureRandom RANDOM = new SecureRandom();

    private Fixtures() {
    }

    public static String contentKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "sha256:" + HexFormat.of().formatHex(bytes);
    }

    public static String referral(UUID referralId, String jurisdiction, String agency, String contentKey,
            String tier, double score) {
        String classification = tier == null ? "null" : """
                {"id":"%s","referralId":"%s","categories":["INCITEMENT"],"entity":"Example Front","tier":"%s",
                 "score":%s,"routing":"%s","matches":[],"indicators":[],"explanations":["test"],
                 "classifiedAt":"2026-11-29T10:00:00Z"}
                """.formatted(UUID.randomUUID(), referralId, tier, java.math.BigDecimal.valueOf(score).toPlainString(),
                score >= 0.8 ? "FAST_TRACK_REVIEW" : score >= 0.4 ? "NORMAL_REVIEW" : "LOW_PRIORITY");
        return """
                {"referralId":"%s","jurisdiction":"%s","agency":"%s","submittedBy":"%s:officer",
                 "submittedAt":"2026-11-29T09:59:00Z","url":"https://video.example/watch?v=%s",
                 "canonicalUrl":"https://video.example/watch?v=%s","platformId":"examplevideo","platformKnown":true,
                 "contentType":"TEXT","contentKey":"%s",
                 "signals":{"sha256":"%s","md5":null,"pdq":null,"pdqQuality":null},
                 "reference":"REF-1","notes":"seen on a channel","classification":%s}
                """.formatted(referralId, jurisdiction, agency, jurisdiction.toLowerCase(), referralId, referralId,
                contentKey, contentKey.substring(7), classification);
    }

    public static ValidatableResponse intake(String body) {
        return given().auth().oauth2(INGEST).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/intake/referrals").then();
    }

    /** Opens a GB case (CTIRU) and answers its id. */
    public static String gbCase(String tier, double score) {
        return intake(referral(UUID.randomUUID(), "GB", "CTIRU", contentKey(), tier, score)).statusCode(201)
                .extract().path("caseId");
    }

    public static String assessment(String decision, String categories) {
        return """
                {"decision":"%s","categories":%s,"tier":"DESIGNATED_GROUP","entity":"Example Front",
                 "legalBasis":"Regulation (EU) 2021/784, Art. 2(7)(a)","reasons":"Glorifies a recent attack"}
                """.formatted(decision, categories);
    }

    public static ValidatableResponse assess(String token, String caseId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/{id}/assessment", caseId).then();
    }

    /** A GB case assessed as terrorist content by gb-reviewer. */
    public static String confirmedGbCase() {
        String caseId = gbCase("DESIGNATED_GROUP", 0.80);
        assess(GB_REVIEWER, caseId, assessment("TERRORIST_CONTENT", "[\"INCITEMENT\"]")).statusCode(200);
        return caseId;
    }

    public static ValidatableResponse issue(String token, String caseId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/{id}/removal-orders", caseId).then();
    }

    /** An order issued by gb-issuer on a confirmed GB case; answers its id. */
    public static String issuedOrder() {
        return issue(GB_ISSUER, confirmedGbCase(), "{}").statusCode(201).extract().path("id");
    }

    /**
     * notify-service's delivery event, which case-service answers 204 (asserted here), then the order as
     * a GB reviewer reads it afterwards, for the caller's assertions.
     */
    public static ValidatableResponse deliveryEvent(String orderId, UUID eventId, String type, Instant at) {
        given().auth().oauth2(NOTIFY).contentType(ContentType.JSON)
                .body("""
                        {"eventId":"%s","type":"%s","at":"%s","channel":"WEBHOOK","notificationId":"%s","deliveryId":"%s"}
                        """.formatted(eventId, type, at, orderId, UUID.randomUUID()))
                .when().post("/api/v1/removal-orders/{id}/delivery-events", orderId).then().statusCode(204)
                .body(emptyString());
        return given().auth().oauth2(GB_REVIEWER).when().get("/api/v1/removal-orders/{id}", orderId).then();
    }

    public static ValidatableResponse annexII(String orderId, UUID feedbackId, Instant actionAt) {
        return given().auth().oauth2(NOTIFY).contentType(ContentType.JSON)
                .body("""
                        {"feedbackId":"%s","platformId":"examplevideo","form":"ANNEX_II","action":"REMOVED",
                         "actionAt":"%s","reference":"TKT-1","reason":null,"explanation":null,
                         "clarificationRequested":null,"receivedAt":"%s"}
                        """.formatted(feedbackId, actionAt, actionAt))
                .when().post("/api/v1/removal-orders/{id}/feedback", orderId).then();
    }

    public static ValidatableResponse annexIII(String orderId, UUID feedbackId, Instant receivedAt) {
        return given().auth().oauth2(NOTIFY).contentType(ContentType.JSON)
                .body("""
                        {"feedbackId":"%s","platformId":"examplevideo","form":"ANNEX_III","action":null,
                         "actionAt":null,"reference":"TKT-2","reason":"INSUFFICIENT_INFORMATION",
                         "explanation":"The URL list is ambiguous","clarificationRequested":"Which video?",
                         "receivedAt":"%s"}
                        """.formatted(feedbackId, receivedAt))
                .when().post("/api/v1/removal-orders/{id}/feedback", orderId).then();
    }

    /** A fresh platform id, registered in the notify-service stand-in with the given home state and history. */
    public static String platform(String homeJurisdiction, boolean hasReceivedOrder) {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        String id = "p-" + HexFormat.of().formatHex(bytes);
        NotifyServiceMock.platform(id, homeJurisdiction, hasReceivedOrder);
        return id;
    }

    /** A GB case about content on {@code platformId}, assessed as terrorist content by gb-reviewer. */
    public static String confirmedGbCaseOn(String platformId) {
        String body = referral(UUID.randomUUID(), "GB", "CTIRU", contentKey(), "DESIGNATED_GROUP", 0.80)
                .replace("\"platformId\":\"examplevideo\"", "\"platformId\":\"" + platformId + "\"");
        String caseId = intake(body).statusCode(201).extract().path("caseId");
        assess(GB_REVIEWER, caseId, assessment("TERRORIST_CONTENT", "[\"INCITEMENT\"]")).statusCode(200);
        return caseId;
    }

    public static ValidatableResponse annexII(String orderId, String platformId, UUID feedbackId, Instant actionAt) {
        return given().auth().oauth2(NOTIFY).contentType(ContentType.JSON)
                .body("""
                        {"feedbackId":"%s","platformId":"%s","form":"ANNEX_II","action":"REMOVED",
                         "actionAt":"%s","reference":"TKT-1","receivedAt":"%s"}
                        """.formatted(feedbackId, platformId, actionAt, actionAt))
                .when().post("/api/v1/removal-orders/{id}/feedback", orderId).then();
    }

    public static ValidatableResponse annexIII(String orderId, String platformId, UUID feedbackId, Instant receivedAt) {
        return given().auth().oauth2(NOTIFY).contentType(ContentType.JSON)
                .body("""
                        {"feedbackId":"%s","platformId":"%s","form":"ANNEX_III","reference":"TKT-2",
                         "reason":"FORCE_MAJEURE","explanation":"Data centre flooded","receivedAt":"%s"}
                        """.formatted(feedbackId, platformId, receivedAt))
                .when().post("/api/v1/removal-orders/{id}/feedback", orderId).then();
    }

    /** The notifications with this id that reached the notify-service stand-in. */
    public static int notificationsWithId(Object notificationId) {
        return NotifyServiceMock.server().findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/v1/notifications"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.id",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(notificationId.toString()))))
                .size();
    }

    /** How many outbox messages of {@code topic} case-service wrote for {@code key}. */
    public static long outboxCount(String key, String topic) throws Exception {
        return ((Number) sql("SELECT count(*) FROM outbox_message WHERE aggregate_key = '" + key + "' AND topic = '"
                + topic + "'")).longValue();
    }

    /** How many outbox messages for {@code key} were delivered. */
    public static long delivered(String key) throws Exception {
        return ((Number) sql("SELECT count(*) FROM outbox_message WHERE aggregate_key = '" + key
                + "' AND delivered_at IS NOT NULL")).longValue();
    }

    public static Object sql(String query) throws Exception {
        return EmbeddedPostgresResource.queryOne(jdbcUrl(), query);
    }

    public static String jdbcUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }
}
