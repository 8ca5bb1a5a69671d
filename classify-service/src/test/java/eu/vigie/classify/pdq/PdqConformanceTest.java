package eu.vigie.classify.pdq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conformance over every image of {@code ../shared/pdq-vectors/}, as its README describes: colour, palette and RGBA
 * images give the Java reference's bits and quality exactly; grey images follow the C++ reference's conversion (the
 * grey level is the luminance, see {@link PdqHasher}) and are checked against its hashes and against the colour
 * original.
 */
class PdqConformanceTest {

    private static final int CLOSE = 10;

    static Stream<PdqVectors.Vector> vectors() {
        return PdqVectors.vectors().stream();
    }

    private static boolean grey(BufferedImage image) {
        ColorModel model = image.getColorModel();
        return !(model instanceof IndexColorModel) && model.getNumColorComponents() == 1;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everyVectorHashesAsTheReference(PdqVectors.Vector v) {
        BufferedImage image = PdqVectors.decode(v.file());
        PdqResult result = new PdqHasher().hash(image);
        assertEquals(64, result.hex().length());
        if (!grey(image)) {
            assertEquals(v.javaHash(), result.hex(), v.file() + ": the Java reference's hash, to the bit");
            assertEquals(v.javaQuality(), result.quality(), v.file() + ": the Java reference's quality");
            if (result.quality() >= 80) {
                if (v.cppHash() != null) {
                    assertTrue(PdqHashes.distance(result.hex(), v.cppHash()) <= CLOSE, v.file() + ": near the C++ hash");
                }
                if (v.publishedHash() != null) {
                    assertTrue(PdqHashes.distance(result.hex(), v.publishedHash()) <= CLOSE,
                            v.file() + ": near the published hash");
                }
            }
        } else if (image.getColorModel().getComponentSize(0) == 8) {
            // 8-bit grey: the C++ reference's conversion (grey level = luminance).
            assertEquals(v.javaQuality(), result.quality(), v.file() + ": quality");
            assertTrue(PdqHashes.distance(result.hex(), v.cppHash()) <= CLOSE,
                    v.file() + ": within " + CLOSE + " bits of the C++ hash, got " + PdqHashes.distance(result.hex(), v.cppHash()));
            if (v.publishedHash() != null) {
                assertEquals(v.publishedHash(), result.hex(), v.file() + ": the published hash");
            }
        } else {
            // 16-bit grey: reduced explicitly to 8 bits; the C++ tool and PIL clip 16-bit samples to 255 instead, so
            // their values for this image are of a white-washed picture and are not a reference.
            assertEquals(16, image.getColorModel().getComponentSize(0), v.file());
            assertEquals(reducedTo8Bits(image), result.hex(), v.file() + ": the hash of the image reduced to 8 bits");
            assertEquals(v.javaQuality(), result.quality(), v.file() + ": quality");
            assertTrue(PdqHashes.distance(result.hex(), v.javaHash()) <= 31,
                    v.file() + ": still matches the Java reference's (gamma-converted) hash at distance 31");
        }
    }

    private static String reducedTo8Bits(BufferedImage sixteen) {
        BufferedImage eight = new BufferedImage(sixteen.getWidth(), sixteen.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster out = eight.getRaster();
        for (int y = 0; y < sixteen.getHeight(); y++) {
            for (int x = 0; x < sixteen.getWidth(); x++) {
                out.setSample(x, y, 0, (int) Math.round(sixteen.getRaster().getSample(x, y, 0) * 255.0 / 65535));
            }
        }
        return new PdqHasher().hash(eight).hex();
    }

    @Test
    void greyCopyStaysCloserToTheColourOriginalThanThroughGetRgb() {
        Map<String, PdqVectors.Vector> byFile = new java.util.HashMap<>();
        vectors().forEach(v -> byFile.put(v.file(), v));
        String original = byFile.get("data/misc-images/modes/original.jpg").javaHash();
        String javaGrey = byFile.get("data/misc-images/modes/L.png").javaHash();
        String ours = new PdqHasher().hash(PdqVectors.decode("data/misc-images/modes/L.png")).hex();
        assertTrue(PdqHashes.distance(ours, original) < PdqHashes.distance(javaGrey, original),
                "grey level as luminance: " + PdqHashes.distance(ours, original) + " bits from the colour original, "
                        + "the Java reference's getRGB conversion: " + PdqHashes.distance(javaGrey, original));
    }

    @Test
    void allVectorImagesAreCovered() throws Exception {
        List<String> listed = vectors().map(PdqVectors.Vector::file).toList();
        try (Stream<java.nio.file.Path> files = Files.walk(PdqVectors.root())) {
            List<String> images = files.filter(Files::isRegularFile)
                    .map(p -> PdqVectors.root().relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.matches("(?i).*\\.(jpe?g|png|gif|bmp)$")).sorted().toList();
            assertFalse(images.isEmpty());
            assertEquals(images, listed.stream().sorted().toList(), "every image in the vectors directory is tested");
        }
    }

    @Test
    void dihedralVariantsEqualTheReference() throws Exception {
        List<String> lines = Files.readAllLines(PdqVectors.root().resolve("dihedral-bridge-1-original.csv"));
        String[] f = lines.get(0).split(",");
        Map<DihedralTransform, PdqResult> variants = new PdqHasher().hashDihedral(PdqVectors.decode(f[9]));
        DihedralTransform[] order = DihedralTransform.values();
        for (int k = 0; k < 8; k++) {
            assertEquals(f[k], variants.get(order[k]).hex(), order[k].name());
            assertEquals(Integer.parseInt(f[8]), variants.get(order[k]).quality(), order[k].name());
        }
    }

    @Test
    void actuallyRotatedAndFlippedCopiesHashNearTheirVariant() {
        Map<DihedralTransform, PdqResult> variants = new PdqHasher()
                .hashDihedral(PdqVectors.decode("data/reg-test-input/dih/bridge-1-original.jpg"));
        Map<DihedralTransform, String> files = Map.of(
                DihedralTransform.ROTATE_90, "bridge-2-rotate-90.jpg",
                DihedralTransform.ROTATE_180, "bridge-3-rotate-180.jpg",
                DihedralTransform.ROTATE_270, "bridge-4-rotate-270.jpg",
                DihedralTransform.FLIP_X, "bridge-5-flipx.jpg",
                DihedralTransform.FLIP_Y, "bridge-6-flipy.jpg",
                DihedralTransform.FLIP_PLUS1, "bridge-7-flip-plus-1.jpg",
                DihedralTransform.FLIP_MINUS1, "bridge-8-flip-minus-1.jpg");
        String original = variants.get(DihedralTransform.ORIGINAL).hex();
        files.forEach((transform, file) -> {
            String plain = new PdqHasher().hash(PdqVectors.decode("data/reg-test-input/dih/" + file)).hex();
            int toVariant = PdqHashes.distance(plain, variants.get(transform).hex());
            assertTrue(toVariant <= CLOSE, file + " is " + toVariant + " bits from the " + transform + " variant");
            assertTrue(PdqHashes.distance(plain, original) > 31, file + " does not match the original unrotated");
        });
    }

    @Test
    void lowQualityImagesAreFlaggedWeak() {
        for (String file : List.of("data/reg-test-input/labelme-subset/q0003.jpg",
                "data/reg-test-input/labelme-subset/q0004.jpg", "data/misc-images/small.jpg")) {
            assertTrue(new PdqHasher().hash(PdqVectors.decode(file)).quality() < 50, file);
        }
    }
}
