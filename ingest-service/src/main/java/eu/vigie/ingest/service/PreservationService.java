package eu.vigie.ingest.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.security.Roles;
import eu.vigie.ingest.CustodyAction;
import eu.vigie.ingest.CustodyEvent;
import eu.vigie.ingest.Evidence;
import eu.vigie.ingest.config.IngestConfig;
import eu.vigie.ingest.repository.EvidenceRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Preservation of evidence (TCO Art. 6): kept until six months (configurable) after its case
 * closed, longer under a legal hold. Every change is a link of the chain of custody. The row of the
 * evidence is locked for the change, so a change and the purge never cross.
 */
@ApplicationScoped
public class PreservationService {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** How far in the future a case's closing time may be, for clocks that are a little ahead. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final EvidenceRepository evidence;
    private final IngestConfig config;
    private final Clock clock;

    public PreservationService(EvidenceRepository evidence, IngestConfig config, Clock clock) {
        this.evidence = evidence;
        this.config = config;
        this.clock = clock;
    }

    /** The preservation of evidence the actor may see (as for reading the bytes; 404 otherwise). */
    public Evidence preservation(String sha256, Actor actor) {
        String key = normalise(sha256);
        return QuarkusTransaction.requiringNew().call(() -> {
            Evidence found = evidence.findByIdOptional(key).orElseThrow(() -> ProblemException.notFound("Evidence " + key));
            if (!actor.oversees() && !(actor.jurisdiction() != null && actor.jurisdiction().equals(found.ownerJurisdiction)
                    && (actor.has(Roles.REVIEWER) || actor.has(Roles.ISSUER)))) {
                throw ProblemException.notFound("Evidence " + key);
            }
            return found;
        });
    }

    /**
     * Places (or changes) the legal hold: an issuer of the owning jurisdiction, or an auditor. The
     * hold keeps the bytes until {@code until} even after their retention deadline.
     */
    public Evidence placeLegalHold(String sha256, Instant until, String reasons, Actor actor) {
        String key = normalise(sha256);
        Instant now = now();
        if (!until.isAfter(now)) {
            throw ProblemException.invalidField("until", "must be in the future");
        }
        String text = reasons.strip();
        if (ControlCharacters.firstIn(text) >= 0) {
            throw ProblemException.invalidField("reasons", "must not contain control characters");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Evidence e = lockedForHolder(key, actor);
            e.legalHoldUntil = until.truncatedTo(ChronoUnit.MICROS);
            e.legalHoldReasons = text;
            record(e.sha256, CustodyAction.LEGAL_HOLD_SET, actor, now, "until " + e.legalHoldUntil + ": " + text);
            return e;
        });
    }

    /** Releases the legal hold (409 when none is in force); the retention deadline applies again. */
    public Evidence releaseLegalHold(String sha256, Actor actor) {
        String key = normalise(sha256);
        Instant now = now();
        return QuarkusTransaction.requiringNew().call(() -> {
            Evidence e = lockedForHolder(key, actor);
            if (e.legalHoldUntil == null) {
                throw ProblemException.conflict("No legal hold is in force on evidence " + key);
            }
            record(e.sha256, CustodyAction.LEGAL_HOLD_RELEASED, actor, now, "hold until " + e.legalHoldUntil
                    + " released (" + e.legalHoldReasons + ")");
            e.legalHoldUntil = null;
            e.legalHoldReasons = null;
            return e;
        });
    }

    /**
     * case-service's notice that the case of the evidence closed: the bytes are preserved until
     * {@code closedAt} plus the retention period. Idempotent: the same notice again changes and records
     * nothing; an earlier closing time than the one recorded changes nothing either (the later closure wins).
     */
    public Evidence caseClosed(String sha256, UUID caseId, Instant closedAt, Actor actor) {
        String key = normalise(sha256);
        Instant now = now();
        if (closedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalidField("closedAt", "must not be in the future");
        }
        Instant at = closedAt.truncatedTo(ChronoUnit.MICROS);
        return QuarkusTransaction.requiringNew().call(() -> {
            Evidence e = evidence.findByIdOptional(key, LockModeType.PESSIMISTIC_WRITE)
                    .orElseThrow(() -> ProblemException.notFound("Evidence " + key));
            if (e.purged()) {
                return e;
            }
            boolean replay = caseId.equals(e.closedCaseId) && at.equals(e.caseClosedAt);
            boolean older = e.caseClosedAt != null && at.isBefore(e.caseClosedAt);
            if (replay || older) {
                return e;
            }
            e.closedCaseId = caseId;
            e.caseClosedAt = at;
            e.retainUntil = at.atOffset(ZoneOffset.UTC).plus(config.retentionAfterCaseClosed()).toInstant();
            record(e.sha256, CustodyAction.CASE_CLOSED, actor, now, "case " + caseId + " closed at " + at
                    + "; preserved until " + e.retainUntil + " (" + config.retentionAfterCaseClosed() + ")");
            return e;
        });
    }

    private Evidence lockedForHolder(String key, Actor actor) {
        Evidence e = evidence.findByIdOptional(key, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Evidence " + key));
        boolean mayHold = actor.oversees()
                || (actor.has(Roles.ISSUER) && actor.jurisdiction() != null && actor.jurisdiction().equals(e.ownerJurisdiction));
        if (!mayHold) {
            throw ProblemException.notFound("Evidence " + key);
        }
        if (e.purged()) {
            throw ProblemException.conflict("The bytes of evidence " + key + " were purged at " + e.purgedAt);
        }
        return e;
    }

    static void record(String sha256, CustodyAction action, Actor actor, Instant at, String detail) {
        CustodyEvent event = new CustodyEvent();
        event.id = UUID.randomUUID();
        event.sha256 = sha256;
        event.action = action;
        event.actor = actor.subject();
        event.tenant = actor.tenant();
        event.jurisdiction = actor.jurisdiction();
        event.agency = actor.agency();
        event.tokenId = actor.tokenId();
        event.detail = detail.length() > 2000 ? detail.substring(0, 2000) : detail;
        event.at = at;
        event.persist();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String normalise(String sha256) {
        String key = sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(key).matches()) {
            throw ProblemException.notFound("Evidence " + sha256);
        }
        return key;
    }
}
