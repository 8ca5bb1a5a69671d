package eu.vigie.cases.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import eu.vigie.common.problem.ProblemException;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * CSRF protection of the console's forms (double-submit cookie): every form carries the token of the
 * {@value #COOKIE} cookie (HttpOnly, SameSite=Strict, path {@code /console}, Secure over HTTPS) in its
 * hidden field {@value #FIELD}, and every form handler {@link #verify(String) verifies} that they match.
 * Templates read it as {@code {inject:csrf.token}} and {@code {inject:csrf.parameterName}}.
 * <p>
 * Written here rather than with quarkus-rest-csrf, whose filter applies to every endpoint of the
 * service: it refused the API's own form-typed POSTs without a body (e.g. {@code POST /api/v1/cases/{id}/claim})
 * with 400, which would have changed the API.
 */
@RequestScoped
@Named("csrf")
public class ConsoleCsrf {

    public static final String COOKIE = "vigie-console-csrf";
    public static final String FIELD = "csrf-token";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_CHARACTERS = 43;

    private final RoutingContext request;
    private String issued;

    public ConsoleCsrf(RoutingContext request) {
        this.request = request;
    }

    public String getParameterName() {
        return FIELD;
    }

    /** The token of this browser: its cookie's, or a new one (then set as the cookie with the answer). */
    public String getToken() {
        String existing = cookieToken();
        if (existing != null) {
            return existing;
        }
        if (issued == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            issued = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        return issued;
    }

    /** A token issued during this request, to be set as the cookie; null when the browser already had one. */
    String issued() {
        return issued;
    }

    boolean secure() {
        return "https".equalsIgnoreCase(request.request().scheme());
    }

    /** Refuses (403, nothing done) a form whose token is missing or is not this browser's. */
    public void verify(String submitted) {
        String expected = cookieToken();
        if (expected == null || submitted == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                submitted.getBytes(StandardCharsets.US_ASCII))) {
            throw new ProblemException(403, "csrf-token", "The form could not be verified",
                    "The form's security token is missing or does not match this browser's; reload the page and send it again");
        }
    }

    private String cookieToken() {
        Cookie cookie = request.request().getCookie(COOKIE);
        if (cookie == null || cookie.getValue() == null || cookie.getValue().length() != TOKEN_CHARACTERS
                || !cookie.getValue().matches("[A-Za-z0-9_-]+")) {
            return null;
        }
        return cookie.getValue();
    }
}
