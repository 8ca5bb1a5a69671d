package eu.vigie.classify.service;

import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import eu.vigie.classify.config.ClassifyConfig;
import eu.vigie.classify.pdq.DihedralTransform;
import eu.vigie.classify.pdq.ImageDecoder;
import eu.vigie.classify.pdq.PdqHasher;
import eu.vigie.classify.pdq.PdqResult;
import eu.vigie.classify.rest.HashMatch;
import eu.vigie.classify.rest.HashResponse;
import eu.vigie.classify.rest.SignalMatch;
import eu.vigie.common.problem.ProblemException;
import eu.vigie.common.vocabulary.SignalType;

/**
 * Hashes images (PDQ with quality, MD5, SHA-256) and, on request, matches them against the banks. A hash value cannot
 * be rotated, so where the image is known all eight dihedral variants of its PDQ hash are matched: a rotated or
 * mirrored copy of banked content is found, and the match names the transform.
 */
@ApplicationScoped
public class HashService {

    private final ClassifyConfig config;
    private final MatchService matcher;
    private final ImageDecoder decoder;
    private final Semaphore slots;

    public HashService(ClassifyConfig config, MatchService matcher) {
        this.config = config;
        this.matcher = matcher;
        this.decoder = new ImageDecoder(config.maxImagePixels());
        this.slots = new Semaphore(Math.max(1, config.maxConcurrentHashes()), true);
    }

    public HashResponse hash(byte[] bytes, String mediaType, boolean dihedral, boolean match) {
        Map<DihedralTransform, PdqResult> variants = pdq(bytes, mediaType, dihedral || match);
        PdqResult original = variants.get(DihedralTransform.ORIGINAL);
        boolean weak = original.quality() < config.pdqMinQuality();
        String md5 = digest("MD5", bytes);
        String sha256 = digest("SHA-256", bytes);
        List<HashResponse.DihedralHash> variantList = null;
        if (dihedral) {
            variantList = new ArrayList<>(8);
            for (Map.Entry<DihedralTransform, PdqResult> e : variants.entrySet()) {
                variantList.add(new HashResponse.DihedralHash(e.getKey(), e.getValue().hex(), e.getValue().quality()));
            }
        }
        List<HashMatch> matches = match ? matches(variants, weak, md5, sha256) : null;
        return new HashResponse(original.hex(), original.quality(), md5, sha256, weak, variantList, matches);
    }

    private Map<DihedralTransform, PdqResult> pdq(byte[] bytes, String mediaType, boolean dihedral) {
        boolean acquired = false;
        try {
            acquired = slots.tryAcquire(config.hashWaitSeconds(), TimeUnit.SECONDS);
            if (!acquired) {
                throw new ProblemException(429, "hashing-busy", "Too many images being hashed",
                        "All hashing slots stayed busy for " + config.hashWaitSeconds() + " s; retry later");
            }
            BufferedImage image = decoder.decode(bytes, mediaType);
            PdqHasher hasher = new PdqHasher();
            return dihedral ? hasher.hashDihedral(image) : Map.of(DihedralTransform.ORIGINAL, hasher.hash(image));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(429, "hashing-busy", "Too many images being hashed", "Interrupted while waiting");
        } finally {
            if (acquired) {
                slots.release();
            }
        }
    }

    /**
     * Exact MD5 and SHA-256 matches, then the PDQ matches of all eight variants (unless the hash is weak), each signal
     * once with the transform that matched nearest; ordered by distance, bank and signal.
     */
    private List<HashMatch> matches(Map<DihedralTransform, PdqResult> variants, boolean weak, String md5,
            String sha256) {
        Map<UUID, HashMatch> best = new LinkedHashMap<>();
        for (SignalMatch m : matcher.match(SignalType.MD5, md5, null)) {
            best.putIfAbsent(m.signalId(), HashMatch.of(null, m));
        }
        for (SignalMatch m : matcher.match(SignalType.SHA256, sha256, null)) {
            best.putIfAbsent(m.signalId(), HashMatch.of(null, m));
        }
        if (!weak) {
            List<DihedralTransform> order = List.copyOf(variants.keySet());
            List<String> values = order.stream().map(t -> variants.get(t).hex()).toList();
            List<List<SignalMatch>> found = matcher.matchAll(SignalType.PDQ, values, config.pdqMaxDistance());
            for (int k = 0; k < order.size(); k++) {
                for (SignalMatch m : found.get(k)) {
                    HashMatch previous = best.get(m.signalId());
                    if (previous == null || m.distance() < previous.distance()) {
                        best.put(m.signalId(), HashMatch.of(order.get(k), m));
                    }
                }
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingInt(HashMatch::distance).thenComparing(HashMatch::bank)
                        .thenComparing(HashMatch::signalId))
                .toList();
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java runtime", e);
        }
    }
}
