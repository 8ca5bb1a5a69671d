package eu.vigie.classify.pdq;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Meta's PDQ conformance vectors, read from {@code ../shared/pdq-vectors/} next to the repository (never copied into
 * it): the module's directory is the working directory of the tests, so that is {@code ../../shared/pdq-vectors}.
 * The system property {@code vigie.pdq-vectors} overrides the location.
 */
public final class PdqVectors {

    /** One line of vectors.tsv. */
    public record Vector(String file, String javaHash, int javaQuality, String cppHash, Integer cppQuality,
            String publishedHash) {
    }

    private PdqVectors() {
    }

    public static Path root() {
        String override = System.getProperty("vigie.pdq-vectors");
        Path root = override != null ? Path.of(override)
                : Path.of("").toAbsolutePath().resolve("../../shared/pdq-vectors").normalize();
        assertTrue(Files.isRegularFile(root.resolve("vectors.tsv")), "The PDQ conformance vectors are missing: expected "
                + root.resolve("vectors.tsv") + " (set -Dvigie.pdq-vectors=<dir> to point elsewhere)");
        return root;
    }

    public static List<Vector> vectors() {
        try {
            List<String> lines = Files.readAllLines(root().resolve("vectors.tsv"));
            List<Vector> vectors = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                vectors.add(new Vector(f[0], f[1], Integer.parseInt(f[2]), blankToNull(f[3]),
                        f[4].isBlank() ? null : Integer.parseInt(f[4]), f.length > 5 ? blankToNull(f[5]) : null));
            }
            assertTrue(vectors.size() >= 49, "vectors.tsv lists " + vectors.size() + " images, expected all 49");
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(root().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String mediaType(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        throw new IllegalArgumentException("No media type for " + file);
    }

    public static BufferedImage decode(String file) {
        return new ImageDecoder(100_000_000L).decode(bytes(file), mediaType(file));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
