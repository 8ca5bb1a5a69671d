package eu.vigie.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Gets access tokens from the local Keycloak, as a person or a platform would. */
public final class KeycloakTokens {

    /** The password of every local demo account. */
    public static final String DEMO_PASSWORD = "vigie";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalKeycloak keycloak;

    public KeycloakTokens(LocalKeycloak keycloak) {
        this.keycloak = keycloak;
    }

    /** A demo user's token (password grant through the public {@code vigie-cli} client; local demo only). */
    public String user(String realm, String username) {
        return password(realm, "vigie-cli", username, DEMO_PASSWORD);
    }

    /** A token by password grant through any client that allows it. */
    public String password(String realm, String clientId, String username, String password) {
        return token(realm, Map.of("grant_type", "password", "client_id", clientId, "username", username,
                "password", password));
    }

    /** A confidential client's own token (client credentials), e.g. a platform's. */
    public String client(String realm, String clientId, String secret) {
        return token(realm, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private String token(String realm, Map<String, String> form) {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint(realm)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token in realm " + realm + ": " + response.body());
            }
            JsonNode json = JSON.readTree(response.body());
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
