package eu.vigie.cases.console;

import java.time.Duration;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.enterprise.inject.Instance;

/**
 * Gives a browser without the console's CSRF cookie a token when it asks for a console page (before the
 * page is rendered, whatever the order of rendering and filters), and sets it as the cookie on the answer.
 */
public class ConsoleCsrfCookie {

    private final Instance<ConsoleCsrf> csrf;

    public ConsoleCsrfCookie(Instance<ConsoleCsrf> csrf) {
        this.csrf = csrf;
    }

    @ServerRequestFilter
    public void issueToken(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith("/console")) {
            csrf.get().getToken();
        }
    }

    @ServerResponseFilter
    public void setCookie(ContainerRequestContext request, ContainerResponseContext response) {
        if (!request.getUriInfo().getPath().startsWith("/console")) {
            return;
        }
        ConsoleCsrf current = csrf.get();
        String issued = current.issued();
        if (issued != null) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(ConsoleCsrf.COOKIE).value(issued)
                    .path("/console").httpOnly(true).secure(current.secure()).sameSite(NewCookie.SameSite.STRICT)
                    .maxAge((int) Duration.ofHours(12).toSeconds()).build());
        }
    }
}
