package eu.vigie.ingest.service;

import java.util.Set;

import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;

/**
 * Who acts, as the use cases need it: taken from the caller's token, with the jurisdiction from
 * the tenant (never from a claim).
 */
public record Actor(String subject, String tenant, String jurisdiction, String agency, String tokenId,
        Set<String> roles) {

    public static Actor of(Caller caller) {
        return new Actor(caller.subject(), caller.tenant(), caller.jurisdiction().orElse(null),
                caller.agency().orElse(null), caller.tokenId().orElse(null), Set.copyOf(caller.roles()));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Auditors (operator tenant) oversee every jurisdiction. */
    public boolean oversees() {
        return has(Roles.AUDITOR);
    }
}
