package eu.vigie.notify;

import static io.restassured.RestAssured.given;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import eu.vigie.testing.EmbeddedPostgresResource;
import eu.vigie.testing.TestTokens;
import io.restassured.http.ContentType;

/** Platforms, notifications and database checks for notify-service's tests. */
public final class Fixtures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Fixtures() {
    }

    /** A Standard Webhooks secret: whsec_ + base64 of 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers a platform as an admin; with a webhook on the test platforms' server when a secret is given. */
    public static void registerPlatform(String id, String secret) {
        String webhook = secret == null ? ""
                : ",\"webhookUrl\":\"%s\",\"webhookSecret\":\"%s\"".formatted(WireMockNeighbours.webhookUrl(id), secret);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("""
                        {"id":"%s","name":"Platform %s","hostnames":["%s.test"],"homeJurisdiction":"IE",
                         "email":"abuse@%s.test","languages":["en"]%s}
                        """.formatted(id, id, id, id, webhook))
                .when().post("/api/v1/platforms")
                .then().statusCode(201);
    }

    /** Registers a platform without a webhook, reached by e-mail at this address, accepting these languages. */
    public static void registerEmailPlatform(String id, String email, String languagesJson) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("""
                        {"id":"%s","name":"Platform %s","hostnames":["%s.test"],"homeJurisdiction":"IE",
                         "email":"%s","languages":%s}
                        """.formatted(id, id, id, email, languagesJson))
                .when().post("/api/v1/platforms")
                .then().statusCode(201);
    }

    /** A notification to an authority, as case-service sends cross-border copies and breach notices. */
    public static String authorityNotification(UUID id, String kind, String jurisdictionOfAuthority, UUID orderId) {
        return """
                {"id":"%s","kind":"%s","recipientType":"AUTHORITY","recipient":"%s","subjectType":"REMOVAL_ORDER",
                 "subjectId":"%s","jurisdiction":"GB",
                 "payload":{"removalOrderId":"%s","reference":"CTIRU-2026-X%s","urls":["https://video.example/watch?v=9"],
                            "platformId":"examplevideo"}}
                """.formatted(id, kind, jurisdictionOfAuthority, orderId, orderId, id.toString().substring(0, 4));
    }

    public static String notification(UUID id, String kind, String platformId, UUID subjectId, String jurisdiction) {
        return """
                {"id":"%s","kind":"%s","platformId":"%s","subjectType":"%s","subjectId":"%s","jurisdiction":"%s",
                 "payload":{"removalOrderId":"%s","reference":"CTIRU-2026-%s","urls":["https://video.example/watch?v=1"],
                            "categories":["INCITEMENT"]}}
                """.formatted(id, kind, platformId, kind.equals("REFERRAL") ? "REFERRAL" : "REMOVAL_ORDER", subjectId,
                jurisdiction, subjectId, id.toString().substring(0, 4));
    }

    /** Sends a removal order notification as case-service would, and expects it accepted. */
    public static void notifyOrder(UUID id, String platformId, UUID orderId, String jurisdiction) {
        notifyOrder(id, platformId, orderId, jurisdiction, "REMOVAL_ORDER");
    }

    /** Sends a notification of this kind about a removal order (or a referral) to a platform, and expects it accepted. */
    public static void notifyOrder(UUID id, String platformId, UUID subjectId, String jurisdiction, String kind) {
        given().auth().oauth2(TestTokens.service("case-service")).contentType(ContentType.JSON)
                .body(notification(id, kind, platformId, subjectId, jurisdiction))
                .when().post("/api/v1/notifications")
                .then().statusCode(202);
    }

    /** The first column of the first row of a query against the test database. */
    public static Object sql(String query) {
        try {
            return EmbeddedPostgresResource.queryOne(
                    ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class), query);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String query) {
        return ((Number) sql(query)).longValue();
    }

    /** Changes the test database behind the service's back, as a change of DNS or an operator would. */
    public static int update(String statement) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class), "postgres", "postgres");
                java.sql.Statement s = c.createStatement()) {
            return s.executeUpdate(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
