package eu.vigie.notify.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The pinned connection over TLS: the request goes to the checked address, while the certificate is
 * verified against the URL's host name (sent as SNI and in the Host header). The platform's server is
 * WireMock over HTTPS with a certificate for {@code hooks.pinned.test} only, a name no DNS server knows.
 */
class WebhookSenderTlsTest {

    private static final String PASSWORD = "changeit";
    private static final String NAME = "hooks.pinned.test";

    @TempDir
    static Path dir;
    private static WireMockServer platform;
    private static WebhookSender sender;

    @BeforeAll
    static void start() throws Exception {
        Path keystore = dir.resolve("platform.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "platform", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + NAME, "-ext", "SAN=dns:" + NAME, "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        assertTrue(keytool.waitFor(120, TimeUnit.SECONDS) && keytool.exitValue() == 0,
                new String(keytool.getInputStream().readAllBytes()));
        platform = new WireMockServer(WireMockConfiguration.options().httpDisabled(true).dynamicHttpsPort()
                .keystorePath(keystore.toString()).keystorePassword(PASSWORD).keyManagerPassword(PASSWORD)
                .keystoreType("PKCS12"));
        platform.start();
        platform.stubFor(post(urlEqualTo("/hook?tenant=1")).willReturn(aResponse().withStatus(204)));

        // The sender trusts that certificate only (as the JDK's trust store would trust a platform's CA).
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        sender = new WebhookSender(Duration.ofSeconds(10), tls);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.stop();
        }
    }

    private static WebhookTargetPolicy.CheckedTarget pinned(String host) throws Exception {
        return new WebhookTargetPolicy.CheckedTarget(
                URI.create("https://" + host + ":" + platform.httpsPort() + "/hook?tenant=1"),
                InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void deliveredToThePinnedAddressWithTheCertificateVerifiedForTheUrlsName() throws Exception {
        WebhookSender.Outcome outcome = sender.post(pinned(NAME), "msg-1", 1_700_000_000L, "v1,abc", "{\"a\":1}");

        assertTrue(outcome.success(), outcome.describe());
        assertEquals(204, outcome.statusCode());
        assertNull(outcome.error());
        List<LoggedRequest> calls = platform.findAll(postRequestedFor(urlEqualTo("/hook?tenant=1")));
        assertEquals(1, calls.size());
        LoggedRequest call = calls.get(0);
        assertEquals(NAME + ":" + platform.httpsPort(), call.getHeader("Host"));
        assertEquals("msg-1", call.getHeader("webhook-id"));
        assertEquals("1700000000", call.getHeader("webhook-timestamp"));
        assertEquals("v1,abc", call.getHeader("webhook-signature"));
        assertEquals("{\"a\":1}", call.getBodyAsString());
    }

    @Test
    void aCertificateNotForTheUrlsNameIsRefusedEvenAtTheRightAddress() throws Exception {
        int before = platform.findAll(postRequestedFor(urlEqualTo("/hook?tenant=1"))).size();

        WebhookSender.Outcome outcome = sender.post(pinned("other.pinned.test"), "msg-2", 1_700_000_000L, "v1,abc", "{}");

        assertFalse(outcome.success());
        assertNull(outcome.statusCode());
        assertTrue(outcome.error().startsWith("connection failed"), outcome.error());
        assertTrue(outcome.error().contains("other.pinned.test"), outcome.error());
        assertEquals(before, platform.findAll(postRequestedFor(urlEqualTo("/hook?tenant=1"))).size(),
                "nothing was sent to a server that could not prove the name");
    }

    @Test
    void theAddressItselfIsNotTheNameVerified() throws Exception {
        // Connecting by IP literal: the certificate names hooks.pinned.test, not 127.0.0.1, so it is refused.
        WebhookSender.Outcome outcome = sender.post(pinned("127.0.0.1"), "msg-3", 1_700_000_000L, "v1,abc", "{}");

        assertFalse(outcome.success());
        assertTrue(outcome.error().startsWith("connection failed"), outcome.error());
    }
}
