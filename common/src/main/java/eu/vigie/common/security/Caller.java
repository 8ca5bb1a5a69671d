package eu.vigie.common.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import eu.vigie.common.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling: tenant, jurisdiction (from the tenant, never from a claim), roles, agency and
 * platform. The one place the REST layer asks these questions.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String tenant() {
        return identity.getAttribute(TenantRoleAugmentor.TENANT);
    }

    public Optional<String> jurisdiction() {
        return Optional.ofNullable(identity.getAttribute(TenantRoleAugmentor.JURISDICTION));
    }

    /** The caller's jurisdiction, or 403 for callers that have none (operator, platforms). */
    public String requireJurisdiction() {
        return jurisdiction().orElseThrow(() -> ProblemException.forbidden("Only a government officer may do this"));
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    /** A stable, readable name for the audit trail: tenant, then user name or subject. */
    public String subject() {
        String name = claim("preferred_username").orElseGet(() -> claim("sub").orElse(identity.getPrincipal().getName()));
        return tenant() + ":" + name;
    }

    public Optional<String> agency() {
        return claim("agency");
    }

    /** The platform a {@code platform} token speaks for: only the platforms tenant's tokens have one. */
    public Optional<String> platformId() {
        return hasRole(Roles.PLATFORM) ? claim("platform_id") : Optional.empty();
    }

    public String requirePlatformId() {
        return platformId().orElseThrow(() -> ProblemException.forbidden("Only a platform's own token may do this"));
    }

    /** The token's own id, for the chain of custody. */
    public Optional<String> tokenId() {
        return claim("jti");
    }

    private Optional<String> claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value != null) {
                String text = value.toString();
                if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
                    text = text.substring(1, text.length() - 1);
                }
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }
}
