package eu.vigie.cases.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import eu.vigie.cases.config.ConsoleConfig;
import io.quarkus.oidc.OidcTenantConfig;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The console's web-app tenants are made from the bearer tenants' settings: same issuer and, on Kubernetes,
 * the same TLS trust of it (the Keycloak service's CA): without it the console could not reach its issuer.
 */
class ConsoleTenantConfigResolverTest {

    private static ConsoleConfig console(Map<String, String> secrets) {
        return new ConsoleConfig() {
            @Override
            public Set<String> tenants() {
                return Set.of("gb", "fr", "vigie");
            }

            @Override
            public Map<String, String> names() {
                return Map.of();
            }

            @Override
            public String clientId() {
                return "vigie-console";
            }

            @Override
            public Map<String, String> clientSecret() {
                return secrets;
            }

            @Override
            public Optional<String> endSessionPath() {
                return Optional.empty();
            }
        };
    }

    private static ConsoleTenantConfigResolver resolver(Map<String, String> properties, Map<String, String> secrets) {
        return new ConsoleTenantConfigResolver(console(secrets), new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build());
    }

    @Test
    void aConsoleTenantUsesItsBearerTenantsIssuerTlsConfigurationAndTheConsoleClient() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.oidc.gb.auth-server-url", "https://vigie-keycloak-service:8443/realms/gb");
        properties.put("quarkus.oidc.gb.tls.tls-configuration-name", "keycloak");
        properties.put("quarkus.oidc.fr.auth-server-url", "https://vigie-keycloak-service:8443/realms/fr");
        ConsoleTenantConfigResolver resolver = resolver(properties, Map.of("gb", "gb-console-secret"));

        OidcTenantConfig gb = resolver.build("gb");
        assertEquals(Optional.of("gb-console"), gb.tenantId());
        assertEquals(Optional.of("https://vigie-keycloak-service:8443/realms/gb"), gb.authServerUrl());
        assertEquals(Optional.of("keycloak"), gb.tls().tlsConfigurationName());
        assertEquals(Optional.of("vigie-console"), gb.clientId());
        assertEquals(Optional.of("gb-console-secret"), gb.credentials().secret());
        assertEquals("/console/gb", gb.authentication().cookiePath());

        // a bearer tenant without a TLS configuration (local runs, plain http): none for its console either
        OidcTenantConfig fr = resolver.build("fr");
        assertEquals(Optional.empty(), fr.tls().tlsConfigurationName());
        assertEquals(Optional.empty(), fr.credentials().secret());
    }

    @Test
    void theDeploymentsEnvironmentVariablesGiveTheClientSecretOfEachTenant() {
        // as k8s/base/case-service/deployment.yaml sets them from the Secret vigie-oidc-console
        ConsoleConfig fromEnvironment = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(Map.of("VIGIE_CASE_CONSOLE_CLIENT_SECRET_GB", "gb-secret",
                        "VIGIE_CASE_CONSOLE_CLIENT_SECRET_FR", "fr-secret",
                        "VIGIE_CASE_CONSOLE_CLIENT_SECRET_VIGIE", "vigie-secret"), 300))
                .withMapping(ConsoleConfig.class).build().getConfigMapping(ConsoleConfig.class);
        assertEquals(Map.of("gb", "gb-secret", "fr", "fr-secret", "vigie", "vigie-secret"),
                fromEnvironment.clientSecret());
        assertEquals(Set.of("gb", "fr", "vigie"), fromEnvironment.tenants());
    }

    @Test
    void onlyTheConsolesOwnPathsHaveAConsoleTenant() {
        ConsoleTenantConfigResolver resolver = resolver(Map.of(), Map.of());
        assertEquals("gb", resolver.tenantOf("/console/gb/cases"));
        assertEquals("vigie", resolver.tenantOf("/console/vigie"));
        assertNull(resolver.tenantOf("/console/xx/cases"));
        assertNull(resolver.tenantOf("/api/v1/cases"));
        assertNull(resolver.tenantOf("/console/signed-out"));
    }
}
