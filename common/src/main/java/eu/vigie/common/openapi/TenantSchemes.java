package eu.vigie.common.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.OAuthFlows;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import eu.vigie.common.security.Roles;

/**
 * One OAuth2 security scheme per configured OIDC tenant ({@code quarkus.oidc.<tenant>.auth-server-url}),
 * named after the tenant, whose scopes are the realm roles that tenant may grant (as
 * {@code TenantRoleAugmentor} enforces): the operator tenant ({@code vigie.security.operator-tenant},
 * {@code vigie}) grants {@code admin}, {@code auditor}, {@code service}, with the client credentials flow
 * for the services' accounts and the authorization code flow for people; the platforms tenant
 * ({@code vigie.security.platform-tenant}, {@code platforms}) grants {@code platform} by client
 * credentials; every other tenant is a government and grants {@code referrer}, {@code reviewer},
 * {@code issuer}, {@code scrutineer}, {@code regulator} to officers by authorization code. The token and
 * authorization URLs are Keycloak's endpoints of the tenant's realm; the realm's discovery document
 * ({@code <auth-server-url>/.well-known/openid-configuration}) is authoritative. Adding a government is
 * configuration only: its scheme appears with its tenant.
 */
final class TenantSchemes {

    enum Kind {
        OPERATOR, PLATFORMS, GOVERNMENT
    }

    record Tenant(String name, Kind kind, String authServerUrl) {

        Set<String> grantableRoles() {
            return switch (kind) {
                case OPERATOR -> Roles.OPERATOR;
                case PLATFORMS -> Roles.PLATFORMS;
                case GOVERNMENT -> Roles.GOVERNMENT;
            };
        }

        String tokenUrl() {
            return trimmed() + "/protocol/openid-connect/token";
        }

        String authorizationUrl() {
            return trimmed() + "/protocol/openid-connect/auth";
        }

        private String trimmed() {
            return authServerUrl.endsWith("/") ? authServerUrl.substring(0, authServerUrl.length() - 1) : authServerUrl;
        }
    }

    /** What each role may do (DESIGN.md), as the scope descriptions. */
    static final Map<String, String> ROLE_DESCRIPTIONS = Map.of(
            Roles.REFERRER, "Referral officer (CTIRU, PHAROS): submit referrals, read the agency's referrals and cases",
            Roles.REVIEWER, "Analyst: assess cases of the jurisdiction, see evidence",
            Roles.ISSUER, "Competent authority officer: issue and withdraw removal orders and referrals",
            Roles.SCRUTINEER, "Home-state authority (e.g. Arcom): decide scrutiny of cross-border orders",
            Roles.REGULATOR, "Ofcom, Arcom: read compliance reports and breach notices of the jurisdiction",
            Roles.PLATFORM, "A hosting service provider: read orders addressed to it, acknowledge, send feedback",
            Roles.AUDITOR, "Oversight body: read audit trails and verify them",
            Roles.ADMIN, "Operator: manage the platform registry, hash banks, designation lists",
            Roles.SERVICE, "The Vigie services' own accounts: call each other");

    private static final Pattern TENANT_KEY = Pattern.compile("quarkus\\.oidc\\.([A-Za-z0-9_-]+)\\.auth-server-url");

    private TenantSchemes() {
    }

    /** The configured tenants, in name order (the default tenant, {@code quarkus.oidc.auth-server-url}, is not one). */
    static List<Tenant> configured(Config config) {
        String operator = config.getOptionalValue("vigie.security.operator-tenant", String.class).orElse("vigie");
        String platforms = config.getOptionalValue("vigie.security.platform-tenant", String.class).orElse("platforms");
        Set<String> names = new TreeSet<>();
        for (String property : config.getPropertyNames()) {
            Matcher m = TENANT_KEY.matcher(property);
            if (m.matches()) {
                names.add(m.group(1));
            }
        }
        List<Tenant> tenants = new ArrayList<>();
        for (String name : names) {
            String url = config.getOptionalValue("quarkus.oidc." + name + ".auth-server-url", String.class).orElse(null);
            if (url == null || url.isBlank()) {
                continue;
            }
            Kind kind = name.equals(operator) ? Kind.OPERATOR : name.equals(platforms) ? Kind.PLATFORMS : Kind.GOVERNMENT;
            tenants.add(new Tenant(name, kind, url));
        }
        return tenants;
    }

    static SecurityScheme scheme(Tenant tenant) {
        Map<String, String> scopes = new LinkedHashMap<>();
        tenant.grantableRoles().stream().sorted().forEach(role -> scopes.put(role, ROLE_DESCRIPTIONS.get(role)));
        OAuthFlows flows = OASFactory.createOAuthFlows();
        String who;
        switch (tenant.kind()) {
            case OPERATOR -> {
                flows.clientCredentials(OASFactory.createOAuthFlow().tokenUrl(tenant.tokenUrl()).scopes(scopes));
                flows.authorizationCode(OASFactory.createOAuthFlow().authorizationUrl(tenant.authorizationUrl())
                        .tokenUrl(tenant.tokenUrl()).scopes(new LinkedHashMap<>(scopes)));
                who = "the operator's tenant: the services' own accounts (client credentials) and operators and "
                        + "auditors (authorization code)";
            }
            case PLATFORMS -> {
                flows.clientCredentials(OASFactory.createOAuthFlow().tokenUrl(tenant.tokenUrl()).scopes(scopes));
                who = "the platforms' tenant: one client per hosting service provider, with the claim platform_id "
                        + "(client credentials)";
            }
            default -> {
                flows.authorizationCode(OASFactory.createOAuthFlow().authorizationUrl(tenant.authorizationUrl())
                        .tokenUrl(tenant.tokenUrl()).scopes(scopes));
                who = "a government's tenant: its agencies' officers (authorization code); the tenant, never a "
                        + "claim, sets the caller's jurisdiction";
            }
        }
        return OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Bearer access token issued by the OIDC tenant '" + tenant.name() + "' (" + tenant.authServerUrl()
                        + ", discovery at /.well-known/openid-configuration), " + who + ". The token must carry the "
                        + "audience vigie. The scopes are the realm roles this tenant may grant, read from "
                        + "realm_access.roles (or groups), not OAuth scopes to request: an operation's security "
                        + "lists, per tenant, the roles its @RolesAllowed admits, and a caller needs one of them.")
                .flows(flows);
    }

    /**
     * Replaces the document's security schemes by the tenants' (a scheme of another name, such as the
     * {@code jwt} of {@code quarkus.smallrye-openapi.security-scheme}, would describe no issuer Vigie trusts).
     */
    static void define(OpenAPI openAPI, List<Tenant> tenants) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        for (Tenant tenant : tenants) {
            schemes.put(tenant.name(), scheme(tenant));
        }
        components.setSecuritySchemes(schemes);
    }

    /** At runtime start: the schemes follow the tenants' runtime auth-server-url (a scheme the build did not define stays out). */
    static void refresh(OpenAPI openAPI, List<Tenant> tenants) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSecuritySchemes() == null) {
            return;
        }
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>(openAPI.getComponents().getSecuritySchemes());
        for (Tenant tenant : tenants) {
            if (schemes.containsKey(tenant.name())) {
                schemes.put(tenant.name(), scheme(tenant));
            }
        }
        openAPI.getComponents().setSecuritySchemes(schemes);
    }
}
