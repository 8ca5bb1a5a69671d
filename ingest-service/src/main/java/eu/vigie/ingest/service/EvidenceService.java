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
        return actor.jurisdiction().equals(found.ownerJurisdiction)
                || referrals.submittedBy(found.sha256, actor.jurisdiction());
    }

    private static String normalise(String sha256) {
        String key = sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(key).matches()) {
            throw ProblemException.notFound("Evidence " + sha256);
        }
        return key;
    }
}
