package eu.vigie.common.security;

import java.util.Set;

/** The realm roles of DESIGN.md, and which kind of tenant may grant each. */
public final class Roles {

    public static final String REFERRER = "referrer";
    public static final String REVIEWER = "reviewer";
    public static final String ISSUER = "issuer";
    public static final String SCRUTINEER = "scrutineer";
    public static final String REGULATOR = "regulator";
    public static final String PLATFORM = "platform";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";
    public static final String SERVICE = "service";

    /** Roles a government tenant (one with a jurisdiction) may grant. */
    public static final Set<String> GOVERNMENT = Set.of(REFERRER, REVIEWER, ISSUER, SCRUTINEER, REGULATOR);
    /** Roles the operator tenant may grant. */
    public static final Set<String> OPERATOR = Set.of(ADMIN, AUDITOR, SERVICE);
    /** Roles the platforms tenant may grant. */
    public static final Set<String> PLATFORMS = Set.of(PLATFORM);

    private Roles() {
    }
}
