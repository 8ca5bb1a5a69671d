package eu.vigie.cases;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** notify-service stood in by WireMock: takes notifications (202) unless a test makes it fail. */
public class NotifyServiceMock implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            up();
            platform("examplevideo", "GB", true);
        }
        return server;
    }

    /**
     * The registry answers for {@code platformId}: its home state and whether it has received an order.
     * examplevideo, the platform of most tests, is established in GB and has received orders before.
     */
    public static void platform(String platformId, String homeJurisdiction, boolean hasReceivedOrder) {
        platform(platformId, homeJurisdiction, hasReceivedOrder, java.time.Duration.ZERO);
    }

    /** As {@link #platform(String, String, boolean)}, the registry taking {@code delay} to answer. */
    public static void platform(String platformId, String homeJurisdiction, boolean hasReceivedOrder,
            java.time.Duration delay) {
        server().stubFor(get(urlEqualTo("/api/v1/platforms/" + platformId)).willReturn(aResponse().withStatus(200)
                .withFixedDelay((int) delay.toMillis())
                .withHeader("Content-Type", "application/json").withBody("""
                        {"id":"%s","name":"%s","hostnames":["%s.example"],"homeJurisdiction":"%s",
                         "hasReceivedOrder":%s,"languages":["en"]}
                        """.formatted(platformId, platformId, platformId, homeJurisdiction, hasReceivedOrder))));
    }

    /** The registry fails for {@code platformId}. */
    public static void registryDown(String platformId) {
        server().stubFor(get(urlEqualTo("/api/v1/platforms/" + platformId)).willReturn(aResponse().withStatus(503)));
    }

    /** notify-service takes notifications. */
    public static void up() {
        server().stubFor(post(urlEqualTo("/api/v1/notifications")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"PENDING\"}")));
    }

    /** notify-service is failing. */
    public static void down() {
        server().stubFor(post(urlEqualTo("/api/v1/notifications")).willReturn(aResponse().withStatus(503)));
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.notify-service.url", server().baseUrl());
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; it stops with the JVM.
    }
}
