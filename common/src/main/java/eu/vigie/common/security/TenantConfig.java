package eu.vigie.common.security;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which OIDC tenants are the operator's and the platforms', and the jurisdiction of the others.
 * A government tenant's jurisdiction is its name in upper case ({@code gb} is {@code GB}) unless
 * {@code vigie.security.jurisdictions.<tenant>} says otherwise, so adding a government is
 * configuration only.
 */
@ConfigMapping(prefix = "vigie.security")
public interface TenantConfig {

    @WithDefault("vigie")
    String operatorTenant();

    @WithDefault("platforms")
    String platformTenant();

    Map<String, String> jurisdictions();

    default Optional<String> jurisdictionOf(String tenant) {
        if (tenant == null || tenant.equals(operatorTenant()) || tenant.equals(platformTenant())
                || tenant.equals("Default")) {
            return Optional.empty();
        }
        return Optional.of(jurisdictions().getOrDefault(tenant, tenant.toUpperCase(java.util.Locale.ROOT)));
    }
}
