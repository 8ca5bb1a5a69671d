package eu.vigie.ingest.service;

import java.util.List;
import java.util.Optional;

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
import eu.vigie.ingest.client.ClassificationSignals;
import eu.vigie.ingest.client.Classifier;
import eu.vigie.ingest.client.Hasher;
import eu.vigie.ingest.client.ImageHashes;
import eu.vigie.ingest.client.NeighbourRejectedException;
import eu.vigie.ingest.client.PdqVariant;
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
        Hashed hashed = withPdq(referral);
        referral = hashed.referral();
        try {
            JsonNode verdict = classifier.classify(new ClassificationRequest(referral.id, referral.url,
                    referral.platformId, referral.contentType, referral.text, referral.language,
                    ClassificationSignals.of(referral.signals(), hashed.variants()), referral.jurisdiction));
            // The group's content key: a referral of the same URL or bytes as an earlier one attaches to its case.
            CaseIntakeAnswer answer;
            try {
                answer = cases.intake(new CaseIntakeRequest(referral.id, referral.jurisdiction,
                        referral.agency, referral.submittedBy, referral.submittedAt, referral.url, referral.canonicalUrl,
                        referral.platformId, referral.platformKnown, referral.contentType, referral.groupContentKey,
                        referral.signals(), referral.reference, referral.notes, verdict));
            } catch (RuntimeException e) {
                // case-service cannot take it now, or refused it: the verdict is kept meanwhile (the referral is CLASSIFIED)
                service.recordClassification(referral.id, verdict);
                throw e;
            }
            // the usual way: verdict and case recorded in one transaction
            service.recordClassificationAndCase(referral.id, verdict, answer);
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

    /** A referral as classified: with the PDQ of its image recorded, and the PDQ of the image's dihedral variants. */
    private record Hashed(Referral referral, List<PdqVariant> variants) {
    }

    /**
     * The referral with the PDQ of its image recorded, and the PDQ of the image's eight dihedral variants, so that
     * classification matches rotated and mirrored copies. Both are kept on the evidence: bytes hashed before are not
     * hashed again, unless they were hashed before the variants were asked for (and are still preserved).
     */
    private Hashed withPdq(Referral referral) {
        if (referral.contentType != ContentType.IMAGE || referral.sha256 == null
                || !Hasher.canHash(referral.mediaType)) {
            return new Hashed(referral, List.of());
        }
        record Known(Evidence evidence, byte[] bytes) {
        }
        Known known = QuarkusTransaction.requiringNew().call(() -> {
            Evidence evidence = Evidence.findById(referral.sha256);
            if (evidence == null) {
                return null;
            }
            boolean hashed = evidence.pdq != null && evidence.pdqVariants != null;
            return new Known(evidence, hashed || evidence.purged() ? null : store.get(referral.sha256).orElse(null));
        });
        if (known == null) {
            return new Hashed(referral, List.of());
        }
        Evidence evidence = known.evidence();
        List<PdqVariant> variants;
        if (evidence.pdq != null && evidence.pdqVariants != null && !evidence.purged()) {
            variants = service.pdqVariants(evidence.pdqVariants);
            if (referral.pdq != null) {
                return new Hashed(referral, variants);
            }
            service.recordPdq(referral.id, referral.sha256, evidence.pdq, evidence.pdqQuality, List.of());
        } else if (known.bytes() != null) {
            Optional<ImageHashes> hashes = hasher.pdq(referral.mediaType, known.bytes(), referral.sha256);
            variants = hashes.map(ImageHashes::variants).orElse(List.of());
            hashes.ifPresent(h -> service.recordPdq(referral.id, referral.sha256, h.pdq(), h.quality(), variants));
        } else {
            // No bytes to hash again (purged, or missing from the store): the PDQ recorded before, without variants.
            variants = List.of();
            if (evidence.purged() || evidence.pdq == null || referral.pdq != null) {
                return new Hashed(referral, variants);
            }
            service.recordPdq(referral.id, referral.sha256, evidence.pdq, evidence.pdqQuality, List.of());
        }
        return new Hashed(QuarkusTransaction.requiringNew().call(() -> referrals.findById(referral.id)), variants);
    }
}
