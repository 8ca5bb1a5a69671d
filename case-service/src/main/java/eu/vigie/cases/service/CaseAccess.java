package eu.vigie.cases.service;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import eu.vigie.cases.CaseFile;
import eu.vigie.cases.CaseStatus;
import eu.vigie.common.vocabulary.AssessmentDecision;
import eu.vigie.cases.repository.CaseShareRepository;
import eu.vigie.cases.repository.ReferralRepository;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.security.Caller;
import eu.vigie.common.security.Roles;

/**
 * Who may see and act on a case. A government officer with a case role sees the cases of their
 * jurisdiction in full; a jurisdiction the owner shared the case with reads it in full through its
 * reviewers, issuers and regulators (but never acts on it); a jurisdiction that referred the same
 * content but does not own it learns only that the case exists (deconfliction); an auditor reads
 * everything; anyone else gets 404, so that the existence of another jurisdiction's case is never
 * disclosed.
 */
@RequestScoped
public class CaseAccess {

    /** Government roles that read the cases of their jurisdiction. */
    public static final Set<String> CASE_ROLES = Set.of(Roles.REFERRER, Roles.REVIEWER, Roles.ISSUER, Roles.REGULATOR);

    /** Roles of a jurisdiction a case is shared with that read it in full. */
    public static final Set<String> SHARED_READ_ROLES = Set.of(Roles.REVIEWER, Roles.ISSUER, Roles.REGULATOR);

    public enum Level {
        FULL,
        DECONFLICTION
    }

    private final Caller caller;
    private final ReferralRepository referrals;
    private final CaseShareRepository shares;

    public CaseAccess(Caller caller, ReferralRepository referrals, CaseShareRepository shares) {
        this.caller = caller;
        this.referrals = referrals;
        this.shares = shares;
    }

    /** What the caller may see of a case; 404 when nothing. */
    public Level readLevel(CaseFile file) {
        if (caller.hasRole(Roles.AUDITOR)) {
            return Level.FULL;
        }
        Optional<String> jurisdiction = caller.jurisdiction();
        if (jurisdiction.isEmpty() || CASE_ROLES.stream().noneMatch(caller::hasRole)) {
            throw notFound(file);
        }
        if (jurisdiction.get().equals(file.ownerJurisdiction)) {
            return Level.FULL;
        }
        if (SHARED_READ_ROLES.stream().anyMatch(caller::hasRole) && shares.isShared(file.id, jurisdiction.get())) {
            return Level.FULL;
        }
        if (referrals.jurisdictionReferred(file.id, jurisdiction.get())
                || shares.isShared(file.id, jurisdiction.get())) {
            return Level.DECONFLICTION;
        }
        throw notFound(file);
    }

    /** Requires full read access (owning jurisdiction's roles, or auditor); 404 otherwise. */
    public void requireFullRead(CaseFile file) {
        if (readLevel(file) != Level.FULL) {
            throw notFound(file);
        }
    }

    /**
     * Requires that the caller holds {@code role} in the case's owning jurisdiction. A caller of
     * another jurisdiction gets 404 (or 403 if their jurisdiction referred the same content and so
     * knows the case exists).
     */
    public void requireOwner(CaseFile file, String role) {
        requireOwner(file, Set.of(role));
    }

    /**
     * The checks before an issuer addresses anything to the platform of a case (a removal order, a
     * voluntary referral): an issuer of the owning jurisdiction, a case still open and assessed as
     * terrorist content, an issuer other than the assessing officer (four eyes), a known platform.
     *
     * @param act what the issuer may not also do after assessing, e.g. "issue its removal order"
     * @param what what needs the addressee, e.g. "an order"
     * @return the issuer's subject
     */
    public String requireIssuable(CaseFile file, String act, String what) {
        requireOwner(file, Roles.ISSUER);
        if (file.status == CaseStatus.CLOSED) {
            throw ProblemException.conflict("Case " + file.id + " is closed; nothing more is issued on it");
        }
        if (file.assessmentDecision != AssessmentDecision.TERRORIST_CONTENT) {
            throw ProblemException.conflict("Case " + file.id + " has not been assessed as TERRORIST_CONTENT"
                    + (file.assessmentDecision == null ? "" : " (it is " + file.assessmentDecision + ")"));
        }
        String issuer = caller.subject();
        if (issuer.equals(file.assessedBy)) {
            throw ProblemException.forbidden("Four-eyes rule: the officer who assessed this case (" + file.assessedBy
                    + ") may not also " + act + "; another issuer must do it");
        }
        if (file.platformId == null || !file.platformKnown) {
            throw ProblemException.unprocessable("platform-unknown", "The hosting service provider is not known",
                    "No registered platform is known for case " + file.id + "; " + what + " needs an addressee");
        }
        return issuer;
    }

    /** Like {@link #requireOwner(CaseFile, String)}, with any one of {@code roles}. */
    public void requireOwner(CaseFile file, Set<String> roles) {
        String jurisdiction = caller.requireJurisdiction();
        if (!jurisdiction.equals(file.ownerJurisdiction)) {
            if (referrals.jurisdictionReferred(file.id, jurisdiction) || shares.isShared(file.id, jurisdiction)) {
                throw ProblemException.forbidden("Case " + file.id + " belongs to " + file.ownerJurisdiction
                        + "; only its own authorities may act on it");
            }
            throw notFound(file);
        }
        if (roles.stream().noneMatch(caller::hasRole)) {
            throw ProblemException.forbidden("This requires the role " + String.join(" or ",
                    roles.stream().sorted().map(r -> "'" + r + "'").toList()));
        }
    }

    private static ProblemException notFound(CaseFile file) {
        return ProblemException.notFound("Case " + file.id);
    }
}
