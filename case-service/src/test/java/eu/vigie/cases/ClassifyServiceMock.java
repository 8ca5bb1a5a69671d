package eu.vigie.cases;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** classify-service stood in by WireMock: its CONFIRMED bank takes signals and any bank curation flags (201) unless a test makes it fail. */
public class ClassifyServiceMock implements QuarkusTestResourceLifecycleManager {

    public static final String CONFIRMED_SIGNALS = "/api/v1/banks/CONFIRMED/signals";
    public static final String CONFIRMED_SIGNALS_BATCH = "/api/v1/banks/CONFIRMED/signals/batch";
    /** What classify-service answers a batch it took whole (the counts are not read beyond "created" and "rejected"). */
    public static final String BATCH_TAKEN = "{\"bank\":\"CONFIRMED\",\"received\":1,\"created\":1,\"existing\":0,"
            + "\"rejected\":0,\"errors\":[]}";
    public static final String CURATION_FLAGS = "/api/v1/banks/[A-Za-z0-9_-]+/signals/[0-9a-f-]{36}/curation-flags";

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

    /** classify-service takes signals. */
    public static void up() {
        server().stubFor(post(urlEqualTo(CONFIRMED_SIGNALS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        server().stubFor(post(urlEqualTo(CONFIRMED_SIGNALS_BATCH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(BATCH_TAKEN)));
        server().stubFor(post(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(CURATION_FLAGS))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{}")));
    }

    /** classify-service is failing. */
    public static void down() {
        server().stubFor(post(urlEqualTo(CONFIRMED_SIGNALS)).willReturn(aResponse().withStatus(503)));
        server().stubFor(post(urlEqualTo(CONFIRMED_SIGNALS_BATCH)).willReturn(aResponse().withStatus(503)));
        server().stubFor(post(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(CURATION_FLAGS))
                .willReturn(aResponse().withStatus(503)));
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.classify-service.url", server().baseUrl());
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; it stops with the JVM.
    }
}
