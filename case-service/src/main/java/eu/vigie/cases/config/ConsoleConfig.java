package eu.vigie.cases.config;

import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The officers' console ({@code /console/<tenant>/...}). Each tenant listed here has a web-app OIDC
 * tenant {@code <tenant>-console} (authorization-code flow against the same issuer as the bearer
 * tenant {@code <tenant>}, selected by path); a signed-in officer is the same caller as with a bearer
 * token of {@code <tenant>}: same jurisdiction, roles and audit name.
 */
@ConfigMapping(prefix = "vigie.case.console")
public interface ConsoleConfig {

    /** Suffix of the console's web-app tenants. */
    String TENANT_SUFFIX = "-console";

    /** The tenants (governments, and the operator's for auditors) that have a console. */
    @WithDefault("gb,fr,vigie")
    Set<String> tenants();

    /** The console's names of the tenants, for the sign-in chooser, e.g. {@code gb=United Kingdom}. */
    java.util.Map<String, String> names();

    /** The console's confidential client in each tenant's realm. */
    @WithDefault("vigie-console")
    String clientId();

    /** Its secret per tenant ({@code vigie.case.console.client-secret.gb}), from the deployment. */
    java.util.Map<String, String> clientSecret();

    /**
     * The issuers' end-session endpoint, relative to the issuer, for issuers that do not advertise one
     * (Keycloak does; the test issuers do not).
     */
    Optional<String> endSessionPath();

    /** The bearer tenant behind a console tenant ({@code gb-console} is {@code gb}), if it is one. */
    default Optional<String> governmentOf(String consoleTenant) {
        if (consoleTenant == null || !consoleTenant.endsWith(TENANT_SUFFIX)) {
            return Optional.empty();
        }
        String tenant = consoleTenant.substring(0, consoleTenant.length() - TENANT_SUFFIX.length());
        return tenants().contains(tenant) ? Optional.of(tenant) : Optional.empty();
    }
}
