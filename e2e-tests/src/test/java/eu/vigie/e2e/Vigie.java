package eu.vigie.e2e;

import static io.restassured.RestAssured.given;

import eu.vigie.local.KeycloakTokens;
import eu.vigie.local.Suite;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests to the running suite, as a given person or platform, with tokens Keycloak issued. */
final class Vigie {

    private final Suite suite;
    private final KeycloakTokens tokens;

    Vigie(Suite suite) {
        this.suite = suite;
        this.tokens = suite.tokens();
    }

    String user(String realm, String username) {
        return tokens.user(realm, username);
    }

    String platform(String platformId) {
        return tokens.client("platforms", platformId, platformId + "-secret");
    }

    RequestSpecification as(String token, String service) {
        return given().baseUri(suite.service(service).baseUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    RequestSpecification anonymous(String service) {
        return given().baseUri(suite.service(service).baseUrl()).contentType(ContentType.JSON);
    }
}
