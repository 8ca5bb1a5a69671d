package eu.vigie.classify.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigie.classify.BankSignal;
import eu.vigie.classify.Classification;
import eu.vigie.classify.config.ClassifyConfig;
import eu.vigie.classify.pdq.DihedralTransform;
import eu.vigie.classify.repository.ClassificationRepository;
import eu.vigie.classify.rest.ClassificationRequest;
import eu.vigie.classify.rest.ClassificationView;
import eu.vigie.classify.rest.SignalMatch;
import eu.vigie.classify.rest.TextIndicator;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.vocabulary.SignalType;

/**
 * Classifies a referral: matches its signals against the banks, scans its text, decides by the
 * rules of {@link Verdicts} and keeps the verdict. Idempotent by referral id: a referral already
 * classified gets its stored verdict back, unchanged, and nothing new is created.
 */
@ApplicationScoped
public class ClassificationService {

    private final ClassificationRepository classifications;
    private final MatchService matcher;
    private final TextIndicatorScanner scanner;
    private final ClassifyConfig config;
    private final ObjectMapper mapper;
    private final EntityManager em;

    public ClassificationService(ClassificationRepository classifications, MatchService matcher,
            TextIndicatorScanner scanner, ClassifyConfig config, ObjectMapper mapper, EntityManager em) {
        this.classifications = classifications;
        this.matcher = matcher;
        this.scanner = scanner;
        this.config = config;
        this.mapper = mapper;
        this.em = em;
    }

    @Transactional
    public ClassificationView classify(ClassificationRequest request, String actor) {
        Optional<Classification> existing = classifications.findByReferralId(request.referralId());
        if (existing.isPresent()) {
            return view(existing.get());
        }
        ClassificationRequest.Signals signals = request.signals() == null
                ? new ClassificationRequest.Signals(null, null, null, null)
                : request.signals();
        String sha256 = signals.sha256() == null ? null : SignalValues.normalise(SignalType.SHA256, signals.sha256(), "signals.sha256");
        String md5 = signals.md5() == null ? null : SignalValues.normalise(SignalType.MD5, signals.md5(), "signals.md5");
        String pdq = signals.pdq() == null ? null : SignalValues.normalise(SignalType.PDQ, signals.pdq(), "signals.pdq");
        if (request.text() != null && request.text().length() > config.maxTextLength()) {
            throw ProblemException.tooLarge("Field 'text' is longer than " + config.maxTextLength() + " characters");
        }

        List<String> notes = new ArrayList<>();
        LanguageDetector.Detection language = LanguageDetector.detect(request.text(), request.language());
        notes.add(language.language() == null ? "Language unknown: " + language.reason() + "."
                : "Language " + language.language() + ": " + language.reason() + ".");
        List<SignalMatch> matches = new ArrayList<>();
        if (sha256 != null) {
            matches.addAll(matcher.match(SignalType.SHA256, sha256, 0));
        }
        if (md5 != null) {
            matches.addAll(matcher.match(SignalType.MD5, md5, 0));
        }
        Map<DihedralTransform, String> pdqs = pdqHashes(pdq, signals.pdqVariants());
        if (!pdqs.isEmpty()) {
            if (signals.pdqQuality() != null && signals.pdqQuality() < config.pdqMinQuality()) {
                notes.add("The PDQ hash was not matched: its quality " + signals.pdqQuality() + " is below "
                        + config.pdqMinQuality() + ", too low for a reliable match.");
            } else {
                matches.addAll(pdqMatches(pdqs));
            }
        }
        List<TextIndicatorScanner.Hit> hits = scanner.scan(request.text());
        Verdicts.Verdict verdict = Verdicts.decide(matches, hits, notes);

        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<TextIndicator> indicators = hits.stream().map(TextIndicatorScanner.Hit::indicator).toList();
        ClassificationView view = new ClassificationView(id, request.referralId(), verdict.categories(),
                verdict.entity(), verdict.tier(), verdict.score(), verdict.routing(), language.language(),
                List.copyOf(matches),
                indicators, verdict.explanations(), now);
        String json;
        try {
            json = mapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Verdict cannot be written as JSON", e);
        }
        // A concurrent request for the same referral may have stored its verdict meanwhile: the first one stored wins.
        // This verdict is answered as it was stored when it was; otherwise the stored one is read and answered.
        int inserted = em.createNativeQuery("""
                INSERT INTO classification (id, referral_id, jurisdiction, url, platform_id, content_type, language,
                    sha256, md5, pdq, categories, entity, tier, score, routing, verdict, classified_at, classified_by)
                VALUES (:id, :referralId, :jurisdiction, :url, :platformId, :contentType, :language,
                    :sha256, :md5, :pdq, :categories, :entity, :tier, :score, :routing, :verdict, :at, :actor)
                ON CONFLICT (referral_id) DO NOTHING
                """)
                .setParameter("id", id)
                .setParameter("referralId", request.referralId())
                .setParameter("jurisdiction", request.jurisdiction())
                .setParameter("url", request.url())
                .setParameter("platformId", request.platformId())
                .setParameter("contentType", request.contentType() == null ? null : request.contentType().name())
                .setParameter("language", language.language())
                .setParameter("sha256", sha256)
                .setParameter("md5", md5)
                .setParameter("pdq", pdqs.get(DihedralTransform.ORIGINAL))
                .setParameter("categories", BankSignal.joinCategories(verdict.categories()))
                .setParameter("entity", verdict.entity())
                .setParameter("tier", verdict.tier() == null ? null : verdict.tier().name())
                .setParameter("score", verdict.score())
                .setParameter("routing", verdict.routing().name())
                .setParameter("verdict", json)
                .setParameter("at", now)
                .setParameter("actor", actor)
                .executeUpdate();
        if (inserted == 1) {
            return view;
        }
        return view(classifications.findByReferralId(request.referralId())
                .orElseThrow(() -> new IllegalStateException("Classification vanished after insert")));
    }

    /**
     * The PDQ hashes to match, by the transform of the image they are the hash of: {@code pdq} is the image as sent
     * ({@code ORIGINAL}), then the variants in the order given. A transform given twice, or an {@code ORIGINAL}
     * variant other than {@code pdq}, is a 400: the verdict could not say which hash matched.
     */
    private static Map<DihedralTransform, String> pdqHashes(String pdq, List<ClassificationRequest.PdqVariant> variants) {
        Map<DihedralTransform, String> pdqs = new LinkedHashMap<>();
        if (pdq != null) {
            pdqs.put(DihedralTransform.ORIGINAL, pdq);
        }
        if (variants == null) {
            return pdqs;
        }
        boolean[] seen = new boolean[DihedralTransform.values().length];
        for (int i = 0; i < variants.size(); i++) {
            ClassificationRequest.PdqVariant variant = variants.get(i);
            String field = "signals.pdqVariants[" + i + "]";
            String value = SignalValues.normalise(SignalType.PDQ, variant.pdq(), field + ".pdq");
            if (seen[variant.transform().ordinal()]) {
                throw ProblemException.invalidField(field + ".transform",
                        "names " + variant.transform() + " a second time");
            }
            seen[variant.transform().ordinal()] = true;
            String previous = pdqs.putIfAbsent(variant.transform(), value);
            if (previous != null && !previous.equals(value)) {
                throw ProblemException.invalidField(field + ".pdq",
                        "must equal signals.pdq: the ORIGINAL variant is the image as sent");
            }
        }
        return pdqs;
    }

    /**
     * The bank signals within the PDQ distance of any of the hashes, each once, with the smallest distance and the
     * transform that reached it (the earlier transform on a tie, so the image as sent first); nearest first.
     */
    private List<SignalMatch> pdqMatches(Map<DihedralTransform, String> pdqs) {
        List<DihedralTransform> transforms = List.copyOf(pdqs.keySet());
        List<List<SignalMatch>> found = matcher.matchAll(SignalType.PDQ, List.copyOf(pdqs.values()),
                config.pdqMaxDistance());
        Map<UUID, SignalMatch> best = new LinkedHashMap<>();
        for (int k = 0; k < transforms.size(); k++) {
            for (SignalMatch m : found.get(k)) {
                SignalMatch previous = best.get(m.signalId());
                if (previous == null || m.distance() < previous.distance()) {
                    best.put(m.signalId(), m.withTransform(transforms.get(k)));
                }
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingInt(SignalMatch::distance).thenComparing(SignalMatch::bank)
                        .thenComparing(SignalMatch::signalId))
                .toList();
    }

    public Classification get(UUID id) {
        return classifications.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Classification " + id));
    }

    public Optional<Classification> findByReferral(UUID referralId) {
        return classifications.findByReferralId(referralId);
    }

    public ClassificationView view(Classification classification) {
        try {
            return mapper.readValue(classification.verdict, ClassificationView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored verdict " + classification.id + " cannot be read", e);
        }
    }
}
