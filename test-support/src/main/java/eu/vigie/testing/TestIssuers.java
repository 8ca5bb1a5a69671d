package eu.vigie.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Several OIDC issuers for tests, as Keycloak lays them out: one realm per tenant ({@code vigie},
 * {@code gb}, {@code fr}, {@code platforms}), each with its own signing key, discovery document and
 * JWKS, plus a {@code rogue} realm that no service trusts. The {@code vigie} realm also hands out
 * client-credentials tokens with the {@code service} role, so services can call their neighbours.
 * Tokens for tests come from {@link TestTokens}.
 */
public class TestIssuers implements QuarkusTestResourceLifecycleManager {

    public static final List<String> TENANTS = List.of("vigie", "gb", "fr", "platforms");
    public static final String ROGUE = "rogue";

    private static final Map<String, KeyPair> KEYS = new HashMap<>();
    private static WireMockServer server;

    static synchronized KeyPair key(String realm) {
        return KEYS.computeIfAbsent(realm, r -> {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The issuer ({@code iss}) of a realm of the running test issuers. */
    public static synchronized String issuer(String realm) {
        if (server == null) {
            startServer();
        }
        return server.baseUrl() + "/realms/" + realm;
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            startServer();
        }
        Map<String, String> config = new HashMap<>();
        for (String tenant : TENANTS) {
            config.put("quarkus.oidc." + tenant + ".auth-server-url", issuer(tenant));
        }
        config.put("quarkus.oidc-client.auth-server-url", issuer("vigie"));
        config.put("quarkus.oidc-client.client-id", "test-service");
        config.put("quarkus.oidc-client.credentials.secret", "test-service-secret");
        return config;
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; it stops with the JVM.
    }

    private static void startServer() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        for (String realm : List.of("vigie", "gb", "fr", "platforms", ROGUE)) {
            String issuer = server.baseUrl() + "/realms/" + realm;
            String oidc = issuer + "/protocol/openid-connect";
            server.stubFor(get(urlEqualTo("/realms/" + realm + "/.well-known/openid-configuration"))
                    .willReturn(json("""
                            {"issuer":"%s","jwks_uri":"%s/certs","token_endpoint":"%s/token",
                             "authorization_endpoint":"%s/auth","userinfo_endpoint":"%s/userinfo",
                             "introspection_endpoint":"%s/token/introspect",
                             "id_token_signing_alg_values_supported":["RS256"],
                             "grant_types_supported":["client_credentials","authorization_code"]}
                            """.formatted(issuer, oidc, oidc, oidc, oidc, oidc))));
            server.stubFor(get(urlEqualTo("/realms/" + realm + "/protocol/openid-connect/certs"))
                    .willReturn(json(jwks(realm))));
        }
        server.stubFor(post(urlPathEqualTo("/realms/vigie/protocol/openid-connect/token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"access_token":"%s","token_type":"Bearer","expires_in":3600}
                                """.formatted(TestTokens.service("test-service")))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String jwks(String realm) {
        RSAPublicKey key = (RSAPublicKey) key(realm).getPublic();
        return """
                {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"%s","n":"%s","e":"%s"}]}
                """.formatted(realm, b64(key.getModulus()), b64(key.getPublicExponent()));
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
