package eu.vigie.classify.bench;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import eu.vigie.classify.pdq.DihedralTransform;
import eu.vigie.classify.pdq.PdqHasher;
import eu.vigie.classify.pdq.PdqResult;

/**
 * PDQ of a 1024x768 image at full resolution, excluding decoding: the image is already a {@code TYPE_3BYTE_BGR}
 * {@link BufferedImage}, as ImageIO decodes a JPEG. Measured: luminance, blur, decimation, quality, DCT and bits.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PdqHashBenchmark {

    private BufferedImage image;
    private final PdqHasher hasher = new PdqHasher();

    @Setup
    public void image() {
        image = new BufferedImage(1024, 768, BufferedImage.TYPE_3BYTE_BGR);
        SplittableRandom random = new SplittableRandom(42);
        for (int y = 0; y < 768; y++) {
            for (int x = 0; x < 1024; x++) {
                int r = (x * 255 / 1024 + random.nextInt(32)) & 0xff;
                int g = (y * 255 / 768 + random.nextInt(32)) & 0xff;
                int b = ((x ^ y) + random.nextInt(32)) & 0xff;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
    }

    @Benchmark
    public PdqResult hash() {
        return hasher.hash(image);
    }

    @Benchmark
    public java.util.Map<DihedralTransform, PdqResult> hashWithEightDihedralVariants() {
        return hasher.hashDihedral(image);
    }
}
