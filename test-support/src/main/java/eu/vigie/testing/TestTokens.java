package eu.vigie.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Access tokens signed by the {@link TestIssuers}' realm keys, shaped as Keycloak issues them:
 * roles in {@code realm_access.roles}, audience {@code vigie}, {@code agency} and
 * {@code platform_id} where they apply.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static String gb(String user, String... roles) {
        return government("gb", user, "CTIRU", roles);
    }

    public static String fr(String user, String... roles) {
        return government("fr", user, "PHAROS", roles);
    }

    public static String government(String realm, String user, String agency, String... roles) {
        return builder(realm, user, roles).claim("agency", agency).sign();
    }

    public static String operator(String user, String... roles) {
        return builder("vigie", user, roles).sign();
    }

    public static String admin() {
        return operator("admin", "admin");
    }

    public static String service(String client) {
        return builder("vigie", "service-account-" + client, "service").claim("azp", client).sign();
    }

    public static String platform(String platformId) {
        return builder("platforms", "service-account-" + platformId, "platform").claim("platform_id", platformId).sign();
    }

    /** A token from an issuer no service is configured to trust. */
    public static String rogue(String... roles) {
        return builder(TestIssuers.ROGUE, "intruder", roles).sign();
    }

    /** A token without the {@code vigie} audience. */
    public static String withoutAudience(String realm, String user, String... roles) {
        return Jwt.issuer(TestIssuers.issuer(realm)).subject(user).claim("preferred_username", user)
                .claim("realm_access", Map.of("roles", List.of(roles))).audience("account")
                .expiresIn(3600).jws().keyId(realm).sign(TestIssuers.key(realm).getPrivate());
    }

    /** Starts a token for a realm; add claims, then {@link Builder#sign()}. */
    public static Builder builder(String realm, String user, String... roles) {
        return new Builder(realm, user, roles);
    }

    public static final class Builder {
        private final String realm;
        private final JwtClaimsBuilder claims;

        private Builder(String realm, String user, String... roles) {
            this.realm = realm;
            this.claims = Jwt.issuer(TestIssuers.issuer(realm))
                    .subject(UUID.nameUUIDFromBytes((realm + ":" + user).getBytes()).toString())
                    .claim("preferred_username", user)
                    .claim("typ", "Bearer")
                    .claim("jti", UUID.randomUUID().toString())
                    .claim("realm_access", Map.of("roles", new ArrayList<>(Arrays.asList(roles))))
                    .audience("vigie")
                    .expiresIn(3600);
        }

        public Builder claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        public String sign() {
            return claims.jws().keyId(realm).sign(TestIssuers.key(realm).getPrivate());
        }
    }
}
