package eu.vigie.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The neighbours of notify-service in tests: case-service, and the platforms' webhooks (one server,
 * a path per platform). case-service answers 200 unless a test says otherwise. The webhook
 * allow-list admits loopback so that WireMock can stand in for the platforms.
 */
public class WireMockNeighbours implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer caseService;
    public static WireMockServer platforms;

    @Override
    public synchronized Map<String, String> start() {
        if (caseService == null) {
            caseService = new WireMockServer(WireMockConfiguration.options().dynamicPort());
            caseService.start();
            platforms = new WireMockServer(WireMockConfiguration.options().dynamicPort());
            platforms.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                caseService.stop();
                platforms.stop();
            }));
            caseService.stubFor(post(urlPathMatching("/api/v1/removal-orders/[^/]+/(delivery-events|feedback)"))
                    .atPriority(10)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"status\":\"RECEIVED\"}")));
            // A platform takes its webhooks unless a test stubs its path otherwise (default priority 5 wins).
            platforms.stubFor(post(urlPathMatching("/hooks/.+")).atPriority(10)
                    .willReturn(aResponse().withStatus(200)));
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.rest-client.case-service.url", caseService.baseUrl());
        config.put("%test.vigie.notify.webhook-allow-list", "127.0.0.1,localhost");
        // Retries come quickly in tests; production backs off up to five minutes.
        config.put("%test.vigie.outbox.max-backoff", "1s");
        config.put("%test.vigie.notify.dead-sweep-interval", "1s");
        return config;
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; it stops with the JVM.
    }

    /** The webhook URL of a platform in tests: its own path on the platforms' server. */
    public static String webhookUrl(String platformId) {
        return "http://127.0.0.1:" + platforms.port() + "/hooks/" + platformId;
    }
}
