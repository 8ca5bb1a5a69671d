package eu.vigie.ingest.client;

import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import eu.vigie.common.client.OutsideTransaction;

/**
 * classify-service's PDQ hashing behind a timeout and a circuit breaker: one PDQ implementation for
 * the whole suite, the one conformant to Meta's reference vectors. Asks for the eight dihedral variants
 * too, so that classification matches rotated and mirrored copies.
 */
@ApplicationScoped
@OutsideTransaction
public class Hasher {

    /** The image types classify-service hashes (DESIGN.md). */
    public static final Set<String> HASHABLE = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp");

    private static final Pattern PDQ = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern TRANSFORM = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    private static final String ORIGINAL = "ORIGINAL";
    private static final int VARIANTS = 8;

    private final HashClient hashes;

    public Hasher(@RestClient HashClient hashes) {
        this.hashes = hashes;
    }

    /** Whether classify-service can hash bytes of this media type. */
    public static boolean canHash(String mediaType) {
        return mediaType != null && HASHABLE.contains(essence(mediaType));
    }

    /**
     * The PDQ of an image with its dihedral variants, or empty when classify-service refuses it for good (an image it cannot
     * decode has no PDQ; its SHA-256 and MD5 still identify it).
     *
     * @throws RuntimeException for anything worth trying again (unreachable, 5xx, timeout, open
     *                          circuit, an answer about other bytes or without a valid PDQ)
     */
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public Optional<ImageHashes> pdq(String mediaType, byte[] image, String sha256) {
        ImageHashes answer;
        try {
            answer = hashes.hash(essence(mediaType), true, image);
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (NeighbourRejectedException.isPermanent(status)) {
                return Optional.empty();
            }
            throw new IllegalStateException("classify-service answered " + status + " to hashing", e);
        }
        if (answer == null || answer.pdq() == null || !PDQ.matcher(answer.pdq()).matches() || answer.quality() == null
                || answer.quality() < 0 || answer.quality() > 100) {
            throw new IllegalStateException("classify-service answered hashing without a valid pdq and quality");
        }
        if (answer.sha256() != null && !answer.sha256().equalsIgnoreCase(sha256)) {
            throw new IllegalStateException("classify-service hashed other bytes than evidence " + sha256);
        }
        checkVariants(answer);
        return Optional.of(answer);
    }

    /**
     * Asked with {@code dihedral=true}, classify-service answers the eight variants, each transform once, the first
     * the image as sent: anything else is a faulty answer, worth trying again rather than classifying without them.
     */
    private static void checkVariants(ImageHashes answer) {
        List<ImageHashes.Variant> variants = answer.dihedral();
        if (variants == null || variants.size() != VARIANTS) {
            throw new IllegalStateException("classify-service answered hashing without the " + VARIANTS
                    + " dihedral variants");
        }
        Set<String> transforms = new HashSet<>();
        for (ImageHashes.Variant v : variants) {
            if (v == null || v.transform() == null || !TRANSFORM.matcher(v.transform()).matches()
                    || v.pdq() == null || !PDQ.matcher(v.pdq()).matches() || !transforms.add(v.transform())) {
                throw new IllegalStateException("classify-service answered a malformed dihedral variant");
            }
        }
        if (!ORIGINAL.equals(variants.get(0).transform()) || !variants.get(0).pdq().equals(answer.pdq())) {
            throw new IllegalStateException("classify-service's first dihedral variant is not the image as sent");
        }
    }

    private static String essence(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
