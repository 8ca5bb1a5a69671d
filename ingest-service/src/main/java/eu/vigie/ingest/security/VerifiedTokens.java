package eu.vigie.ingest.security;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import eu.vigie.ingest.config.IngestConfig;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * Access tokens that the OIDC extension has verified (signature, issuer, audience, expiry), with the
 * identity it built from them, so that the same token sent again is not verified again: with the
 * services' JVMs limited to the C1 compiler, an RS256 verification costs more CPU than the rest of a
 * referral. Keyed by the exact token text (any other text, a forged signature included, is a miss
 * and goes to OIDC); an entry lives until the token expires or {@code vigie.ingest.token-cache-ttl}
 * has passed, whichever is first, so a key withdrawn by the issuer stops being trusted within that
 * time. {@code vigie.ingest.token-cache-ttl=0} turns the cache off.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** What was verified: the identity without its request's routing context, until when it may be reused. */
    record Entry(SecurityIdentity identity, Map<String, Boolean> requestAttributes, Instant until) {
    }

    private final IngestConfig config;
    private final Clock clock;
    private final Map<String, Entry> byToken = new ConcurrentHashMap<>();

    @Inject
    public VerifiedTokens(IngestConfig config) {
        this(config, Clock.systemUTC());
    }

    VerifiedTokens(IngestConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    boolean enabled() {
        return !config.tokenCacheTtl().isZero() && !config.tokenCacheTtl().isNegative() && config.tokenCacheSize() > 0;
    }

    /** The identity OIDC built for this token, while it may be reused, bound to the current request. */
    Optional<SecurityIdentity> find(String token, RoutingContext request) {
        if (!enabled() || token == null) {
            return Optional.empty();
        }
        Entry entry = byToken.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.until().isAfter(clock.instant())) {
            byToken.remove(token, entry);
            return Optional.empty();
        }
        if (entry.requestAttributes().isEmpty()) {
            return Optional.of(entry.identity());
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(entry.identity());
        if (request != null) {
            entry.requestAttributes().keySet().forEach(key -> builder.addAttribute(key, request));
        }
        return Optional.of(builder.build());
    }

    /** Remembers an identity the OIDC extension has just built from a verified bearer token. */
    void remember(SecurityIdentity identity) {
        if (!enabled() || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        String token = tokenOf(identity);
        if (token == null || byToken.containsKey(token)) {
            return;
        }
        Instant now = clock.instant();
        Instant until = now.plus(config.tokenCacheTtl());
        long exp = jwt.getExpirationTime();
        if (exp <= 0) {
            return;
        }
        Instant expires = Instant.ofEpochSecond(exp);
        if (expires.isBefore(until)) {
            until = expires;
        }
        if (!until.isAfter(now)) {
            return;
        }
        if (byToken.size() >= config.tokenCacheSize()) {
            byToken.values().removeIf(e -> !e.until().isAfter(now));
            if (byToken.size() >= config.tokenCacheSize()) {
                byToken.clear();
            }
        }
        // The routing context of the request that brought the token is not kept: a later request gets its own.
        Map<String, Boolean> requestAttributes = new HashMap<>();
        Map<String, Object> attributes = new HashMap<>();
        identity.getAttributes().forEach((key, value) -> {
            if (value instanceof RoutingContext) {
                requestAttributes.put(key, Boolean.TRUE);
            } else {
                attributes.put(key, value);
            }
        });
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addAttributes(attributes)
                .addPermissionChecker(identity::checkPermission);
        byToken.putIfAbsent(token, new Entry(builder.build(), Map.copyOf(requestAttributes), until));
    }

    int size() {
        return byToken.size();
    }

    private static String tokenOf(SecurityIdentity identity) {
        for (var credential : identity.getCredentials()) {
            if (credential instanceof TokenCredential token && "bearer".equalsIgnoreCase(token.getType())) {
                return token.getToken();
            }
        }
        return null;
    }
}
