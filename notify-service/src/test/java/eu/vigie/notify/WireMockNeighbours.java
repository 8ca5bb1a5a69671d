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
 * The neighbours of notify-service in tests: case-service, the platforms' and authorities' webhooks
 * (one server, a path per platform or authority), and a real SMTP server ({@link SmtpServer}). case-service answers 200 unless a test says otherwise. The webhook
 * allow-list admits loopback so that WireMock can stand in for the platforms.
 */
public class WireMockNeighbours implements QuarkusTestResourceLifecycleManager {

    public static final String OPERATORS = "operators@vigie.test";
    public static final String IE_AUTHORITY = "tco@authority-ie.test";
    public static final String IE_REGULATOR = "penalties@regulator-ie.test";
    public static final String DE_AUTHORITY_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

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
            caseService.stubFor(post(urlPathMatching("/api/v1/removal-orders/[^/]+/(feedback|scrutiny-requests)"))
                    .atPriority(10)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"status\":\"RECEIVED\"}")));
            // case-service records a delivery event and answers 204.
            caseService.stubFor(post(urlPathMatching("/api/v1/removal-orders/[^/]+/delivery-events"))
                    .atPriority(10).willReturn(aResponse().withStatus(204)));
            // A platform takes its webhooks unless a test stubs its path otherwise (default priority 5 wins).
            platforms.stubFor(post(urlPathMatching("/hooks/.+")).atPriority(10)
                    .willReturn(aResponse().withStatus(200)));
            platforms.stubFor(post(urlPathMatching("/authority/.+")).atPriority(10)
                    .willReturn(aResponse().withStatus(200)));
        }
        SmtpServer.startOnce();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.rest-client.case-service.url", caseService.baseUrl());
        // E-mail goes to a real SMTP server in tests, not to Quarkus's mock mailbox.
        config.put("%test.quarkus.mailer.mock", "false");
        config.put("%test.quarkus.mailer.host", "127.0.0.1");
        config.put("%test.quarkus.mailer.port", Integer.toString(SmtpServer.port()));
        config.put("%test.quarkus.mailer.timeout", "5s");
        config.put("%test.vigie.notify.mail-timeout", "5s");
        config.put("%test.vigie.notify.operators-email", OPERATORS);
        config.put("%test.vigie.notify.public-url", "https://notify.vigie.test");
        // A slow platform is given up after two seconds in tests (ten in production).
        config.put("%test.vigie.notify.webhook-timeout", "2s");
        // Authorities: Ireland's home authority by e-mail, Germany's by signed webhook; Ireland's regulator.
        config.put("%test.vigie.notify.authorities.IE.email", IE_AUTHORITY);
        config.put("%test.vigie.notify.authorities.IE.languages", "en");
        config.put("%test.vigie.notify.authorities.DE.webhook-url", authorityWebhookUrl("DE"));
        config.put("%test.vigie.notify.authorities.DE.webhook-secret", DE_AUTHORITY_SECRET);
        config.put("%test.vigie.notify.regulators.IE.email", IE_REGULATOR);
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

    /** The webhook URL of an authority in tests: its own path on the platforms' server. */
    public static String authorityWebhookUrl(String jurisdiction) {
        return "http://127.0.0.1:" + platforms.port() + "/authority/" + jurisdiction;
    }

    /** The webhook URL of a platform in tests: its own path on the platforms' server. */
    public static String webhookUrl(String platformId) {
        return "http://127.0.0.1:" + platforms.port() + "/hooks/" + platformId;
    }
}
