package eu.vigie.cases.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.RoutingContext;

/**
 * The console's view of the current request: the language (the officer's choice kept in the
 * {@value #LANGUAGE_COOKIE} cookie, otherwise the browser's Accept-Language, otherwise English), and
 * the signed-in officer as the page header shows them.
 */
@RequestScoped
public class ConsoleContext {

    /** The cookie that keeps the officer's choice of language. */
    public static final String LANGUAGE_COOKIE = "vigie-lang";

    private final RoutingContext request;
    private final SecurityIdentity identity;
    private final Caller caller;

    public ConsoleContext(RoutingContext request, SecurityIdentity identity, Caller caller) {
        this.request = request;
        this.identity = identity;
        this.caller = caller;
    }

    /** {@code en} or {@code fr}. */
    public String lang() {
        Cookie chosen = request.request().getCookie(LANGUAGE_COOKIE);
        if (chosen != null && ConsolePage.LANGUAGES.contains(chosen.getValue())) {
            return chosen.getValue();
        }
        for (LanguageHeader language : request.acceptableLanguages()) {
            String tag = language.tag() == null ? "" : language.tag().toLowerCase(Locale.ROOT);
            if (ConsolePage.LANGUAGES.contains(tag)) {
                return tag;
            }
        }
        return "en";
    }

    /** Whether the request came over HTTPS (the console's own cookies are then Secure). */
    public boolean secure() {
        return "https".equalsIgnoreCase(request.request().scheme());
    }

    /** The page header for whoever is signed in to a console, if anyone is (error pages). */
    public Optional<ConsolePage> pageIfSignedIn() {
        if (identity.isAnonymous() || identity.getAttribute(ConsoleTenantAugmentor.CONSOLE_TENANT) == null) {
            return Optional.empty();
        }
        return Optional.of(page(caller.tenant()));
    }

    /** The page header of a public page. */
    public ConsolePage anonymousPage() {
        return ConsolePage.anonymous(lang(), request.normalizedPath());
    }

    /**
     * The page header for the signed-in officer on the console of {@code government}. An officer
     * signed in with another tenant than the path's never gets here (the path picks the tenant); if
     * it happened anyway, 404.
     */
    public ConsolePage page(String government) {
        String tenant = caller.tenant();
        if (tenant == null || !tenant.equals(government)) {
            throw ProblemException.notFound("Console " + government);
        }
        String username = claim("preferred_username").orElse(identity.getPrincipal().getName());
        String name = claim("name").orElse(username);
        List<String> roles = new ArrayList<>(caller.roles());
        roles.sort(null);
        return new ConsolePage(government, lang(), request.normalizedPath(), name, username,
                caller.agency().orElse(null), caller.jurisdiction().orElse(null), List.copyOf(roles));
    }

    private Optional<String> claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value != null && !value.toString().isBlank()) {
                return Optional.of(value.toString().replaceAll("^\"|\"$", ""));
            }
        }
        return Optional.empty();
    }
}
