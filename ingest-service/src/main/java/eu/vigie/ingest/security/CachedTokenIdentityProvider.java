package eu.vigie.ingest.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;

/**
 * Answers a bearer token that the OIDC extension verified a moment ago with the identity it built
 * then ({@link VerifiedTokens}); for any other token it answers nothing, and the OIDC provider,
 * asked next, verifies it. The augmentors run on the answer as they do on OIDC's.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final VerifiedTokens tokens;

    public CachedTokenIdentityProvider(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before the OIDC provider ({@link IdentityProvider#SYSTEM_FIRST} + 1). */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (request.getToken() == null || !"bearer".equalsIgnoreCase(request.getToken().getType())) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(tokens.find(request.getToken().getToken(),
                HttpSecurityUtils.getRoutingContextAttribute(request)).orElse(null));
    }
}
