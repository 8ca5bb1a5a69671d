package eu.vigie.common.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Keeps only the roles the token's tenant may grant: a government issuer cannot make anyone an
 * admin, a platform or a service, and the operator's issuer cannot act for a government. Adds the
 * tenant's jurisdiction as the identity attribute {@value #JURISDICTION}.
 */
@ApplicationScoped
public class TenantRoleAugmentor implements SecurityIdentityAugmentor {

    public static final String TENANT = "tenant-id";
    public static final String JURISDICTION = "vigie-jurisdiction";

    private final TenantConfig tenants;

    public TenantRoleAugmentor(TenantConfig tenants) {
        this.tenants = tenants;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        String tenant = identity.getAttribute(TENANT);
        Set<String> allowed = allowedRoles(tenant);
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addPermissionChecker(identity::checkPermission);
        identity.getRoles().stream().filter(allowed::contains).forEach(builder::addRole);
        tenants.jurisdictionOf(tenant).ifPresent(j -> builder.addAttribute(JURISDICTION, j));
        return Uni.createFrom().item(builder.build());
    }

    private Set<String> allowedRoles(String tenant) {
        if (tenant == null || tenant.equals("Default")) {
            return Set.of();
        }
        if (tenant.equals(tenants.operatorTenant())) {
            return Roles.OPERATOR;
        }
        if (tenant.equals(tenants.platformTenant())) {
            return Roles.PLATFORMS;
        }
        return Roles.GOVERNMENT;
    }
}
