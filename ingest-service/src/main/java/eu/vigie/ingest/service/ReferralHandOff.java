package eu.vigie.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import eu.vigie.common.outbox.Outbox;
import eu.vigie.common.outbox.OutboxHandler;
import eu.vigie.common.outbox.OutboxMessage;
import eu.vigie.common.outbox.OutboxRejectedException;
import eu.vigie.common.vocabulary.ContentType;
import eu.vigie.ingest.Evidence;
import eu.vigie.ingest.Referral;
import eu.vigie.ingest.client.CaseIntake;
import eu.vigie.ingest.client.CaseIntakeAnswer;
import eu.vigie.ingest.client.CaseIntakeRequest;
import eu.vigie.ingest.client.ClassificationRequest;
import eu.vigie.ingest.client.Classifier;
import eu.vigie.ingest.client.Hasher;
import eu.vigie.ingest.client.NeighbourRejectedException;
import eu.vigie.ingest.repository.EvidenceStore;
import eu.vigie.ingest.repository.ReferralRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Relays an accepted referral: for an image, its PDQ from classify-service's hashing first (reused
 * when the same bytes were hashed before; an image classify-service cannot decode goes on without
 * PDQ), then classify-service (never skipped: while it is down the message
 * is retried), then case-service with the verdict, recording each answer on the referral. Both
 * receivers are idempotent by {@code referralId}, so a replay after a crash is harmless.
 */
@ApplicationScoped
public class ReferralHandOff implements OutboxHandler {

    private final Outbox outbox;
    private final ReferralRepository referrals;
    private final ReferralService service;
    private final Classifier classifier;
    private final CaseIntake cases;
    private final Hasher hasher;
    private final EvidenceStore store;

    private final eu.vigie.ingest.config.IngestConfig config;

    public ReferralHandOff(Outbox outbox, ReferralRepository referrals, ReferralService service, Classifier classifier,
            CaseIntake cases, Hasher hasher, EvidenceStore store, eu.vigie.ingest.config.IngestConfig config) {
        this.config = config;
        this.hasher = hasher;
        this.store = store;
        this.outbox = outbox;
        this.referrals = referrals;
        this.service = service;
        this.classifier = classifier;
        this.cases = cases;
    }

    @Override
    public String topic() {
        return ReferralService.TOPIC;
    }

    @Override
    public void handle(OutboxMessage message) {
        yieldToIntake();
        ReferralService.HandOff handOff = outbox.read(message, ReferralService.HandOff.class);
        if (handOff.referralId() == null) {
            throw new OutboxRejectedException("Outbox message " + message.id + " names no referral");
        }
        Referral referral = QuarkusTransaction.requiringNew().call(() -> referrals.findById(handOff.referralId()));
        if (referral == null) {
            throw new OutboxRejectedException("Referral " + handOff.referralId() + " does not exist");
        }
        referral = withPdq(referral);
        try {
            JsonNode verdict = classifier.classify(new ClassificationRequest(referral.id, referral.url,
                    referral.platformId, referral.contentType, referral.text, referral.language, referral.signals()));
            service.recordClassification(referral.id, verdict);
            CaseIntakeAnswer answer = cases.intake(new CaseIntakeRequest(referral.id, referral.jurisdiction,
                    referral.agency, referral.submittedBy, referral.submittedAt, referral.url, referral.canonicalUrl,
                    referral.platformId, referral.platformKnown, referral.contentType, referral.contentKey(),
                    referral.signals(), referral.reference, referral.notes, verdict));
            service.recordCase(referral.id, answer);
        } catch (NeighbourRejectedException e) {
            throw new OutboxRejectedException(e.getMessage(), e);
        }
    }

    /** Pauses (once, {@code vigie.ingest.hand-off-yield}) while referrals are being submitted. */
    private void yieldToIntake() {
        java.time.Duration pause = config.handOffYield();
        if (pause.isZero() || pause.isNegative() || !service.intakeBusy()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis(), (int) (pause.toNanosPart() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The referral with the PDQ of its image recorded (computed now if the bytes were never hashed). */
    private Referral withPdq(Referral referral) {
        if (referral.contentType != ContentType.IMAGE || referral.sha256 == null || referral.pdq != null
                || !Hasher.canHash(referral.mediaType)) {
            return referral;
        }
        record Known(Evidence evidence, byte[] bytes) {
        }
        Known known = QuarkusTransaction.requiringNew().call(() -> {
            Evidence evidence = Evidence.findById(referral.sha256);
            if (evidence == null || evidence.purged()) {
                return null;
            }
            return new Known(evidence, evidence.pdq != null ? null : store.get(referral.sha256).orElse(null));
        });
        if (known == null) {
            return referral;
        }
        if (known.evidence().pdq != null) {
            service.recordPdq(referral.id, referral.sha256, known.evidence().pdq, known.evidence().pdqQuality);
        } else if (known.bytes() != null) {
            hasher.pdq(referral.mediaType, known.bytes(), referral.sha256)
                    .ifPresent(h -> service.recordPdq(referral.id, referral.sha256, h.pdq(), h.quality()));
        }
        return QuarkusTransaction.requiringNew().call(() -> referrals.findById(referral.id));
    }
}
