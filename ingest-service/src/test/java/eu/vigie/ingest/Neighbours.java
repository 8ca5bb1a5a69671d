package eu.vigie.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * notify-, classify- and case-service stood in by one WireMock server (their paths do not
 * overlap). Default answers: notify knows the platform {@code examplevideo} serving
 * {@code examplevideo.test} and its subdomains, and fails with 503 for {@code down.test};
 * classify answers a verdict echoing the referral id and hashes every image to {@link #DEFAULT_PDQ} (with
 * {@link #dihedral} variants); case answers the case {@link #CASE_ID}.
 * Tests add stubs of higher priority (lower number) to change an answer.
 */
public class Neighbours implements QuarkusTestResourceLifecycleManager {

    public static final UUID CASE_ID = UUID.fromString("0f0e0d0c-0b0a-4909-8807-060504030201");
    public static final UUID CLASSIFICATION_ID = UUID.fromString("11111111-2222-4333-8444-555555555555");
    public static final String PLATFORM = "examplevideo";
    public static final String PLATFORM_HOST = "examplevideo.test";
    public static final String DOWN_HOST = "down.test";
    /** The PDQ classify-service's hashing answers by default. */
    public static final String DEFAULT_PDQ = "f".repeat(16) + "0".repeat(48);

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            defaults();
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        String url = server().baseUrl();
        return Map.of(
                "quarkus.rest-client.notify-service.url", url,
                "quarkus.rest-client.classify-service.url", url,
                "quarkus.rest-client.case-service.url", url);
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; it stops with the JVM.
    }

    private static void defaults() {
        String platform = """
                {"id":"examplevideo","name":"Example Video","hostnames":["examplevideo.test"],"homeJurisdiction":"IE",
                 "email":"abuse@examplevideo.test","webhookSecretSet":false,"languages":["en"],"hasReceivedOrder":false}""";
        server.stubFor(get(urlPathEqualTo("/api/v1/platforms")).atPriority(10)
                .willReturn(json(200, "[]")));
        for (String host : new String[] { PLATFORM_HOST, "m." + PLATFORM_HOST, "www." + PLATFORM_HOST }) {
            server.stubFor(get(urlPathEqualTo("/api/v1/platforms")).withQueryParam("hostname", equalTo(host))
                    .atPriority(5).willReturn(json(200, "[" + platform + "]")));
        }
        server.stubFor(get(urlPathEqualTo("/api/v1/platforms")).withQueryParam("hostname", equalTo(DOWN_HOST))
                .atPriority(5).willReturn(aResponse().withStatus(503)));
        server.stubFor(get(urlPathMatching("/api/v1/platforms/.+")).atPriority(10)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404,\"title\":\"Not found\"}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/platforms/" + PLATFORM)).atPriority(5)
                .willReturn(json(200, platform)));

        server.stubFor(post(urlPathEqualTo("/api/v1/classifications")).atPriority(10)
                .willReturn(json(200, """
                        {"id":"%s","referralId":"{{jsonPath request.body '$.referralId'}}","categories":["INCITEMENT","THREAT"],
                         "entity":"Example Front","tier":"DESIGNATED_GROUP","score":0.87,"routing":"FAST_TRACK_REVIEW",
                         "matches":[],"indicators":[],"explanations":["test verdict"],"classifiedAt":"2026-11-29T10:00:00Z"}
                        """.formatted(CLASSIFICATION_ID)).withTransformers("response-template")));
        server.stubFor(post(urlPathEqualTo("/api/v1/hashes")).atPriority(10)
                .willReturn(json(200, """
                        {"pdq":"%s","quality":100,"md5":null,"sha256":null,"dihedral":%s}"""
                        .formatted(DEFAULT_PDQ, dihedral(DEFAULT_PDQ, 100)))));
        server.stubFor(post(urlPathEqualTo("/api/v1/intake/referrals")).atPriority(10)
                .willReturn(json(201, """
                        {"caseId":"%s","created":true,"ownerJurisdiction":"GB","status":"OPEN"}""".formatted(CASE_ID))));
    }

    /** The transforms classify-service's hashing names, in its order: original first. */
    public static final String[] TRANSFORMS = { "ORIGINAL", "ROTATE_90", "ROTATE_180", "ROTATE_270", "FLIP_X", "FLIP_Y",
            "FLIP_PLUS1", "FLIP_MINUS1" };

    /**
     * The PDQ a stand-in hashing answers for variant {@code k} of an image whose PDQ is {@code pdq}: the original for
     * 0, else its digits rotated by 8k places (distinct for each k).
     */
    public static String variant(String pdq, int k) {
        return pdq.substring(8 * k) + pdq.substring(0, 8 * k);
    }

    /** The {@code dihedral} array of a hashing answer for an image whose PDQ is {@code pdq}. */
    public static String dihedral(String pdq, int quality) {
        StringBuilder out = new StringBuilder("[");
        for (int k = 0; k < TRANSFORMS.length; k++) {
            out.append(k == 0 ? "" : ",").append("""
                    {"transform":"%s","pdq":"%s","quality":%d}""".formatted(TRANSFORMS[k], variant(pdq, k), quality));
        }
        return out.append(']').toString();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
