package eu.vigie.ingest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import eu.vigie.ingest.config.IngestConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class VerifiedTokensTest {

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-29T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MutableClock clock = new MutableClock();

    private static IngestConfig config(Duration ttl, int size) {
        return (IngestConfig) java.lang.reflect.Proxy.newProxyInstance(IngestConfig.class.getClassLoader(),
                new Class<?>[] { IngestConfig.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "tokenCacheTtl" -> ttl;
                    case "tokenCacheSize" -> size;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static SecurityIdentity verified(String token, Instant expires) {
        JsonWebToken jwt = new JsonWebToken() {
            @Override
            public String getName() {
                return "gb-referrer";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp", "preferred_username");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) (claimName.equals("exp") ? (Object) expires.getEpochSecond() : null);
            }
        };
        return QuarkusSecurityIdentity.builder().setPrincipal(jwt).addRole("referrer")
                .addCredential(new AccessTokenCredential(token)).addAttribute("tenant-id", "gb").build();
    }

    @Test
    void theSameTokenIsAnsweredWithTheIdentityVerifiedBeforeAndNoOtherTokenIs() {
        VerifiedTokens tokens = new VerifiedTokens(config(Duration.ofSeconds(60), 10), clock);
        tokens.remember(verified("header.payload.signature", clock.now.plusSeconds(300)));
        SecurityIdentity again = tokens.find("header.payload.signature", null).orElseThrow();
        assertEquals(Set.of("referrer"), again.getRoles());
        assertEquals("gb", again.getAttribute("tenant-id"));
        assertFalse(tokens.find("header.payload.signaturE", null).isPresent(), "a forged signature is another token");
        assertFalse(tokens.find("header.payload", null).isPresent());
    }

    @Test
    void anEntryLivesUntilTheTokenExpiresOrTheTtlPassesWhicheverIsFirst() {
        VerifiedTokens tokens = new VerifiedTokens(config(Duration.ofSeconds(60), 10), clock);
        tokens.remember(verified("short-lived", clock.now.plusSeconds(20)));
        tokens.remember(verified("long-lived", clock.now.plusSeconds(3600)));
        clock.now = clock.now.plusSeconds(20);
        assertFalse(tokens.find("short-lived", null).isPresent(), "expired with the token");
        assertTrue(tokens.find("long-lived", null).isPresent());
        clock.now = clock.now.plusSeconds(40);
        assertFalse(tokens.find("long-lived", null).isPresent(), "verified again after the TTL");
    }

    @Test
    void expiredTokensAndAZeroTtlAreNeverRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(config(Duration.ofSeconds(60), 10), clock);
        tokens.remember(verified("expired", clock.now.minusSeconds(1)));
        assertFalse(tokens.find("expired", null).isPresent());
        VerifiedTokens off = new VerifiedTokens(config(Duration.ZERO, 10), clock);
        off.remember(verified("any", clock.now.plusSeconds(300)));
        assertFalse(off.find("any", null).isPresent());
        assertEquals(0, off.size());
    }

    @Test
    void theCacheIsBounded() {
        VerifiedTokens tokens = new VerifiedTokens(config(Duration.ofSeconds(60), 3), clock);
        for (int i = 0; i < 10; i++) {
            tokens.remember(verified("token-" + i, clock.now.plusSeconds(300)));
            assertTrue(tokens.size() <= 3);
        }
        assertTrue(tokens.find("token-9", null).isPresent());
    }

    @Test
    void anonymousOrOpaqueIdentitiesAreNotRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(config(Duration.ofSeconds(60), 10), clock);
        tokens.remember(QuarkusSecurityIdentity.builder().setAnonymous(true).build());
        tokens.remember(QuarkusSecurityIdentity.builder().setPrincipal(() -> "someone")
                .addCredential(new AccessTokenCredential("opaque")).addAttributes(Map.of()).build());
        assertEquals(0, tokens.size());
    }
}
