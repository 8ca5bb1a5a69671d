package eu.vigie.ingest.service;

import eu.vigie.common.security.Roles;
import eu.vigie.ingest.Referral;

/**
 * Who may see a referral: {@code auditor} every one; {@code reviewer} and {@code issuer} those of
 * their jurisdiction; {@code referrer} those of their own agency in their jurisdiction.
 */
final class ReferralAccess {

    private ReferralAccess() {
    }

    static boolean canSee(Actor actor, Referral referral) {
        if (actor.oversees()) {
            return true;
        }
        if (actor.jurisdiction() == null || !actor.jurisdiction().equals(referral.jurisdiction)) {
            return false;
        }
        if (actor.has(Roles.REVIEWER) || actor.has(Roles.ISSUER)) {
            return true;
        }
        return actor.has(Roles.REFERRER) && actor.agency() != null && actor.agency().equals(referral.agency);
    }
}
