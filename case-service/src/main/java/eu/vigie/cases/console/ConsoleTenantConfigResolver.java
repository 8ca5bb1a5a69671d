package eu.vigie.cases.console;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

import eu.vigie.cases.config.ConsoleConfig;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.OidcTenantConfigBuilder;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.quarkus.oidc.runtime.OidcTenantConfig.Roles.Source;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The console's web-app OIDC tenants, one per console tenant ({@code /console/gb/...} signs in with
 * {@code gb-console}): the authorization-code flow against the same issuer as the bearer tenant
 * ({@code quarkus.oidc.gb.auth-server-url}) with the realm's confidential client
 * ({@code vigie.case.console.client-id}, secret {@code vigie.case.console.client-secret.<tenant>}),
 * roles from the access token, the session cookie on the tenant's console path and no longer than the
 * tokens, RP-initiated sign-out at {@code /console/<tenant>/sign-out}, and the bearer tenant's TLS
 * configuration for the issuer ({@code quarkus.oidc.<tenant>.tls.tls-configuration-name}, if set).
 * <p>
 * The redirect URI is made from the request: behind a TLS-terminating proxy, Quarkus must be told to
 * read the original scheme and host ({@code quarkus.http.proxy.*}, set by the Kubernetes deployment), so
 * that it is {@code https://<host>/console/<tenant>/...} and the session cookie is {@code Secure}.
 * <p>
 * Built here rather than as {@code quarkus.oidc.<tenant>-console.*} keys: those would make the console's
 * tenants look like API tenants (the OpenAPI document's security schemes are one per configured
 * {@code quarkus.oidc.<tenant>.auth-server-url}). Any other path is left to the configured tenants
 * (the bearer tenants, chosen by the token's issuer).
 */
@ApplicationScoped
public class ConsoleTenantConfigResolver implements TenantConfigResolver {

    private final ConsoleConfig console;
    private final Config config;
    private final Map<String, OidcTenantConfig> tenants = new ConcurrentHashMap<>();

    public ConsoleTenantConfigResolver(ConsoleConfig console, Config config) {
        this.console = console;
        this.config = config;
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        String tenant = tenantOf(context.normalizedPath());
        if (tenant == null) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(tenants.computeIfAbsent(tenant, this::build));
    }

    /** The console tenant of a path {@code /console/<tenant>} or {@code /console/<tenant>/...}; null for any other. */
    String tenantOf(String path) {
        if (path == null || !path.startsWith("/console/")) {
            return null;
        }
        String rest = path.substring("/console/".length());
        int slash = rest.indexOf('/');
        String tenant = slash < 0 ? rest : rest.substring(0, slash);
        return console.tenants().contains(tenant) ? tenant : null;
    }

    /** The web-app tenant of a console tenant, as {@link #resolve} gives it (once per tenant). */
    OidcTenantConfig build(String tenant) {
        String issuer = config.getValue("quarkus.oidc." + tenant + ".auth-server-url", String.class);
        String base = "/console/" + tenant;
        OidcTenantConfigBuilder builder = OidcTenantConfig.authServerUrl(issuer)
                .tenantId(tenant + ConsoleConfig.TENANT_SUFFIX)
                .applicationType(ApplicationType.WEB_APP)
                .clientId(console.clientId())
                .roles().source(Source.accesstoken).end()
                .authentication().cookiePath(base).sessionAgeExtension(Duration.ZERO).end()
                .logout().path(base + "/sign-out").postLogoutPath("/console/signed-out").end();
        String secret = console.clientSecret().get(tenant);
        if (secret != null && !secret.isBlank()) {
            builder.credentials(secret);
        }
        console.endSessionPath().ifPresent(builder::endSessionPath);
        // The bearer tenant's trust of the issuer (on Kubernetes: the Keycloak service's CA), for the
        // discovery, key and token requests this tenant makes to the same issuer
        config.getOptionalValue("quarkus.oidc." + tenant + ".tls.tls-configuration-name", String.class)
                .ifPresent(builder::tlsConfigurationName);
        return builder.build();
    }
}
