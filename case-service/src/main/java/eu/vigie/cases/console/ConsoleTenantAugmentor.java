package eu.vigie.cases.console;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.cases.config.ConsoleConfig;
import eu.vigie.common.security.TenantRoleAugmentor;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Makes an officer signed in to the console ({@code gb-console}) the same caller as with a bearer
 * token of the government's tenant ({@code gb}): it runs before common's {@link TenantRoleAugmentor}
 * (higher priority) and names the government tenant, so that the jurisdiction, the roles a government
 * may grant and the audit name ({@code gb:<user>}, which the four-eyes rule compares) are exactly
 * those of the API. The console tenant stays readable as {@value #CONSOLE_TENANT}.
 */
@ApplicationScoped
public class ConsoleTenantAugmentor implements SecurityIdentityAugmentor {

    /** The identity attribute holding the console's web-app tenant the officer signed in with. */
    public static final String CONSOLE_TENANT = "vigie-console-tenant";

    private final ConsoleConfig config;

    public ConsoleTenantAugmentor(ConsoleConfig config) {
        this.config = config;
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        String tenant = identity.getAttribute(TenantRoleAugmentor.TENANT);
        return Uni.createFrom().item(config.governmentOf(tenant)
                .<SecurityIdentity>map(government -> QuarkusSecurityIdentity.builder(identity)
                        .addAttribute(TenantRoleAugmentor.TENANT, government)
                        .addAttribute(CONSOLE_TENANT, tenant)
                        .build())
                .orElse(identity));
    }
}
