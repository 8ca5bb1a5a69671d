package eu.vigie.ingest.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.security.Roles;
import eu.vigie.ingest.CustodyAction;
import eu.vigie.ingest.CustodyEvent;
import eu.vigie.ingest.Evidence;
import eu.vigie.ingest.EvidenceShare;
import jakarta.persistence.LockModeType;
import eu.vigie.ingest.repository.EvidenceRepository;
import eu.vigie.ingest.repository.EvidenceStore;
import eu.vigie.ingest.repository.ReferralRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Reading preserved evidence. A {@code reviewer} or {@code issuer} may read the bytes owned by
 * their jurisdiction (or which their jurisdiction itself submitted); an {@code auditor} may read all.
 * Every read is recorded in the chain of custody, in the same transaction as the read. Anyone
 * else is answered 404, as if the bytes did not exist.
 */
@ApplicationScoped
public class EvidenceService {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern JURISDICTION = Pattern.compile("[A-Za-z]{2}");
    /** How far in the future a notice's time may be, for clocks that are a little ahead. */
    private static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);

    /** Bytes read, with what describes them. */
    public record Content(String sha256, String md5, String mediaType, byte[] bytes) {
    }

    private final EvidenceRepository evidence;
    private final ReferralRepository referrals;
    private final EvidenceStore store;

    public EvidenceService(EvidenceRepository evidence, ReferralRepository referrals, EvidenceStore store) {
        this.store = store;
        this.evidence = evidence;
        this.referrals = referrals;
    }

    public Content read(String sha256, Actor actor) {
        String key = normalise(sha256);
        return QuarkusTransaction.requiringNew().call(() -> {
            Evidence found = visible(key, actor);
            CustodyEvent event = new CustodyEvent();
            event.id = UUID.randomUUID();
            event.sha256 = found.sha256;
            event.action = CustodyAction.READ;
            event.actor = actor.subject();
            event.tenant = actor.tenant();
            event.jurisdiction = actor.jurisdiction();
            event.agency = actor.agency();
            event.tokenId = actor.tokenId();
            event.at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            event.persist();
            if (found.purged()) {
                throw new ProblemException(410, "evidence-purged", "Evidence purged", "The bytes of evidence "
                        + found.sha256 + " were purged at " + found.purgedAt + " (" + found.purgeReason
                        + "); their description and chain of custody are kept");
            }
            byte[] bytes = store.get(found.sha256).orElseThrow(() -> new IllegalStateException(
                    "The evidence store holds no bytes for described evidence " + found.sha256));
            return new Content(found.sha256, found.md5, found.mediaType, bytes);
        });
    }

    /** The chain of custody of evidence the actor may read, oldest first. */
    public List<CustodyEvent> custody(String sha256, Actor actor) {
        String key = normalise(sha256);
        return QuarkusTransaction.requiringNew().call(() -> {
            visible(key, actor);
            return evidence.custodyOf(key);
        });
    }

    private Evidence visible(String sha256, Actor actor) {
        Evidence found = evidence.findByIdOptional(sha256)
                .orElseThrow(() -> ProblemException.notFound("Evidence " + sha256));
        if (!mayRead(found, actor)) {
            throw ProblemException.notFound("Evidence " + sha256);
        }
        return found;
    }

    private boolean mayRead(Evidence found, Actor actor) {
        if (actor.oversees()) {
            return true;
        }
        if (actor.jurisdiction() == null || !(actor.has(Roles.REVIEWER) || actor.has(Roles.ISSUER))) {
            return false;
        }
        if (actor.jurisdiction().equals(found.ownerJurisdiction)
                || referrals.submittedBy(found.sha256, actor.jurisdiction())) {
            return true;
        }
        EvidenceShare share = EvidenceShare.findById(new EvidenceShare.Key(found.sha256, actor.jurisdiction()));
        if (share == null) {
            return false;
        }
        if (!share.active()) {
            // The jurisdiction knows the evidence exists (it was shared with it): saying why is no leak.
            throw ProblemException.forbidden("The share of case " + share.caseId + " with " + share.jurisdiction
                    + " was revoked at " + share.revokedAt + "; its evidence is no longer readable by " + share.jurisdiction);
        }
        return true;
    }

    /**
     * case-service shared a case holding this evidence with a jurisdiction: its reviewers and issuers
     * may read the bytes while the share is active. Idempotent: the same share again changes nothing
     * and records nothing; another share (after a revocation, or of another case) makes it active again.
     */
    public EvidenceShare share(String sha256, String jurisdiction, UUID caseId, UUID shareId, Instant sharedAt,
            Actor actor) {
        String key = normalise(sha256);
        String j = jurisdiction(jurisdiction);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (sharedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalidField("sharedAt", "must not be in the future");
        }
        Instant at = sharedAt.truncatedTo(ChronoUnit.MICROS);
        return QuarkusTransaction.requiringNew().call(() -> {
            Evidence found = evidence.findByIdOptional(key, LockModeType.PESSIMISTIC_WRITE)
                    .orElseThrow(() -> ProblemException.notFound("Evidence " + key));
            EvidenceShare share = EvidenceShare.findById(new EvidenceShare.Key(found.sha256, j));
            if (share != null && share.shareId.equals(shareId)) {
                return share;
            }
            if (share == null) {
                share = new EvidenceShare();
                share.sha256 = found.sha256;
                share.jurisdiction = j;
                share.caseId = caseId;
                share.shareId = shareId;
                share.sharedAt = at;
                share.persist();
            } else {
                share.caseId = caseId;
                share.shareId = shareId;
                share.sharedAt = at;
                share.revokedAt = null;
            }
            PreservationService.record(found.sha256, CustodyAction.SHARED, actor, now, "case " + caseId + " shared with "
                    + j + " at " + at + " (share " + shareId + "): its reviewers and issuers may read the bytes");
            return share;
        });
    }

    /**
     * case-service revoked the share with a jurisdiction: it may no longer read the bytes. Idempotent:
     * revoking what is not shared (any more) changes nothing and records nothing. Answers whether it revoked.
     */
    public boolean revoke(String sha256, String jurisdiction, Actor actor) {
        String key = normalise(sha256);
        String j = jurisdiction(jurisdiction);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return QuarkusTransaction.requiringNew().call(() -> {
            Evidence found = evidence.findByIdOptional(key, LockModeType.PESSIMISTIC_WRITE)
                    .orElseThrow(() -> ProblemException.notFound("Evidence " + key));
            EvidenceShare share = EvidenceShare.findById(new EvidenceShare.Key(found.sha256, j));
            if (share == null || !share.active()) {
                return false;
            }
            share.revokedAt = now;
            PreservationService.record(found.sha256, CustodyAction.SHARE_REVOKED, actor, now, "share " + share.shareId
                    + " of case " + share.caseId + " with " + j + " revoked");
            return true;
        });
    }

    private static String jurisdiction(String text) {
        if (text == null || !JURISDICTION.matcher(text).matches()) {
            throw ProblemException.invalidField("jurisdiction", "must be a two-letter jurisdiction code such as FR");
        }
        return text.toUpperCase(Locale.ROOT);
    }

    private static String normalise(String sha256) {
        String key = sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(key).matches()) {
            throw ProblemException.notFound("Evidence " + sha256);
        }
        return key;
    }
}
