package eu.vigie.cases;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** ingest-service stood in by WireMock: its evidence receivers (case-closed, shares) answer 200 unless a test makes them fail. */
public class IngestServiceMock implements QuarkusTestResourceLifecycleManager {

    public static final String EVIDENCE = "/api/v1/evidence/[0-9a-f]{64}/(case-closed|shares/[A-Z]{2})";

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            up();
        }
        return server;
    }

    /** ingest-service takes the notices. */
    public static void up() {
        server().stubFor(any(urlPathMatching(EVIDENCE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
    }

    /** ingest-service is failing. */
    public static void down() {
        server().stubFor(any(urlPathMatching(EVIDENCE)).willReturn(aResponse().withStatus(503)));
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.ingest-service.url", server().baseUrl());
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; it stops with the JVM.
    }
}
