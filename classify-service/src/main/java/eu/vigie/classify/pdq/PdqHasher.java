package eu.vigie.classify.pdq;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * PDQ perceptual hash, written from Meta's published algorithm (facebook/ThreatExchange, pdq/hashing.pdf)
 * and following its Java reference step for step, in the same float arithmetic, so that an image decoded
 * by {@code javax.imageio} hashes to the same 256 bits:
 * <ol>
 * <li>luminance {@code 0.299 R + 0.587 G + 0.114 B} (float);</li>
 * <li>two passes of a horizontal then vertical box filter (Jarosz), windows {@code ceil(width/128)} along rows and
 * {@code ceil(height/128)} along columns;</li>
 * <li>decimation to 64x64 by sampling the blurred image at the centres of a 64x64 grid;</li>
 * <li>quality from the sum of neighbour gradients of the 64x64 image ({@code sum/90}, at most 100);</li>
 * <li>16x16 DCT of the 64x64 image, frequencies 1..16 on each axis (the DC row and column skipped);</li>
 * <li>bit {@code 16i+j} set when coefficient (i, j) is above the median of the 256 coefficients.</li>
 * </ol>
 * The eight dihedral variants (rotations and mirror images) are derived from the 16x16 coefficients by sign
 * changes and transposition, as the reference does.
 * <p>
 * Pixel conversion, decided deliberately:
 * <ul>
 * <li>8-bit RGB, RGBA and palette images: {@link BufferedImage#getRGB} colour, alpha ignored, as the Java reference
 * (and the C++ one) does: these hash to the Java reference's bits.</li>
 * <li>Grey images (1 colour component, 8 or 16 bits, with or without alpha): the grey level itself is the luminance,
 * scaled to 0..255 ({@code round(v * 255 / (2^bits - 1))}), as Meta's C++ reference and the Python bindings that
 * hash-sharing partners use do. The Java reference goes through {@code getRGB}, whose linear-grey to sRGB colour
 * conversion brightens the image and moves the hash away from the colour original's; a 16-bit image through
 * {@code getRGB} is not what any partner computes either. Following the C++ side keeps a grey copy of an image within
 * a few bits of the colour original's hash.</li>
 * </ul>
 * EXIF orientation is not applied (neither reference applies it): rotated copies are found through the dihedral
 * variants instead.
 * <p>
 * An instance holds reusable work buffers and is not thread-safe; {@link #hash} allocates per call what depends on the
 * image size.
 */
public final class PdqHasher {

    /** Images smaller than this along either side give the zero hash with quality 0, as in the reference. */
    public static final int MIN_HASHABLE_DIM = 5;

    private static final float LUMA_FROM_R = 0.299f;
    private static final float LUMA_FROM_G = 0.587f;
    private static final float LUMA_FROM_B = 0.114f;
    private static final int JAROSZ_PASSES = 2;
    private static final int JAROSZ_WINDOW_DIVISOR = 128;

    /** The 16x64 DCT-II basis for frequencies 1..16, scaled by sqrt(2/64), as the reference computes it. */
    private static final float[][] DCT = dctMatrix();

    private final float[][] buffer64x64 = new float[64][64];
    private final float[][] buffer16x64 = new float[16][64];
    private final float[][] buffer16x16 = new float[16][16];
    private final float[][] auxiliary16x16 = new float[16][16];

    /** Hash and quality of the image as decoded. */
    public PdqResult hash(BufferedImage image) {
        return compute(image, false).get(DihedralTransform.ORIGINAL);
    }

    /** The eight dihedral variants, {@link DihedralTransform#ORIGINAL} first, all with the image's quality. */
    public Map<DihedralTransform, PdqResult> hashDihedral(BufferedImage image) {
        return compute(image, true);
    }

    /** Hash of a luminance image given row by row ({@code luma[row * width + column]}, 0..255); overwrites it. */
    public Map<DihedralTransform, PdqResult> hashLuma(float[] luma, int height, int width, boolean dihedral) {
        Map<DihedralTransform, PdqResult> results = new EnumMap<>(DihedralTransform.class);
        if (height < MIN_HASHABLE_DIM || width < MIN_HASHABLE_DIM) {
            for (DihedralTransform t : dihedral ? DihedralTransform.values() : new DihedralTransform[] {
                    DihedralTransform.ORIGINAL }) {
                results.put(t, new PdqResult(new long[4], 0));
            }
            return results;
        }
        float[] scratch = new float[luma.length];
        jaroszFilter(luma, scratch, height, width, windowSize(width), windowSize(height));
        decimate(luma, height, width, buffer64x64);
        int quality = quality(buffer64x64);
        dct64To16(buffer64x64, buffer16x64, buffer16x16);
        results.put(DihedralTransform.ORIGINAL, new PdqResult(bits(buffer16x16), quality));
        if (dihedral) {
            for (DihedralTransform t : DihedralTransform.values()) {
                if (t != DihedralTransform.ORIGINAL) {
                    t.apply(buffer16x16, auxiliary16x16);
                    results.put(t, new PdqResult(bits(auxiliary16x16), quality));
                }
            }
        }
        return results;
    }

    private Map<DihedralTransform, PdqResult> compute(BufferedImage image, boolean dihedral) {
        int height = image.getHeight();
        int width = image.getWidth();
        float[] luma = new float[Math.multiplyExact(height, width)];
        luminance(image, luma);
        return hashLuma(luma, height, width, dihedral);
    }

    /** Fills {@code luma} from the image, as described in the class comment. */
    static void luminance(BufferedImage image, float[] luma) {
        int height = image.getHeight();
        int width = image.getWidth();
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        if (!(model instanceof IndexColorModel) && model.getNumColorComponents() == 1) {
            grey(raster, model.getComponentSize(0), height, width, luma);
            return;
        }
        switch (image.getType()) {
            case BufferedImage.TYPE_3BYTE_BGR -> {
                byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
                rgbBytes(data, 3, 2, 1, 0, luma);
            }
            case BufferedImage.TYPE_4BYTE_ABGR -> {
                byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
                rgbBytes(data, 4, 3, 2, 1, luma);
            }
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> {
                int[] data = ((DataBufferInt) raster.getDataBuffer()).getData();
                for (int k = 0; k < luma.length; k++) {
                    luma[k] = luma(data[k]);
                }
            }
            default -> {
                int[] row = new int[width];
                for (int i = 0; i < height; i++) {
                    image.getRGB(0, i, width, 1, row, 0, width);
                    for (int j = 0; j < width; j++) {
                        luma[i * width + j] = luma(row[j]);
                    }
                }
            }
        }
    }

    private static void rgbBytes(byte[] data, int stride, int r, int g, int b, float[] luma) {
        for (int k = 0, p = 0; k < luma.length; k++, p += stride) {
            luma[k] = LUMA_FROM_R * (data[p + r] & 0xff) + LUMA_FROM_G * (data[p + g] & 0xff)
                    + LUMA_FROM_B * (data[p + b] & 0xff);
        }
    }

    private static float luma(int rgb) {
        return LUMA_FROM_R * ((rgb >> 16) & 0xff) + LUMA_FROM_G * ((rgb >> 8) & 0xff) + LUMA_FROM_B * (rgb & 0xff);
    }

    private static void grey(Raster raster, int bits, int height, int width, float[] luma) {
        int max = (1 << bits) - 1;
        int[] row = new int[width];
        for (int i = 0; i < height; i++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + i, width, 1, 0, row);
            for (int j = 0; j < width; j++) {
                luma[i * width + j] = bits == 8 ? row[j] : (float) Math.round(row[j] * 255.0 / max);
            }
        }
    }

    static int windowSize(int dimension) {
        return (dimension + JAROSZ_WINDOW_DIVISOR - 1) / JAROSZ_WINDOW_DIVISOR;
    }

    /** Two passes of box filters along rows then columns; the result is back in {@code buffer1}. */
    static void jaroszFilter(float[] buffer1, float[] buffer2, int height, int width, int windowAlongRows,
            int windowAlongColumns) {
        float[] sums = new float[width];
        for (int pass = 0; pass < JAROSZ_PASSES; pass++) {
            int i = 0;
            for (; i + 4 <= height; i += 4) {
                boxAlongFourRows(buffer1, buffer2, i * width, width, windowAlongRows);
            }
            for (; i < height; i++) {
                boxAlongRow(buffer1, buffer2, i * width, width, windowAlongRows);
            }
            boxAlongColumns(buffer2, buffer1, height, width, windowAlongColumns, sums);
        }
    }

    /** The reference's one-dimensional box filter, window shrinking at both ends. */
    private static void boxAlongRow(float[] in, float[] out, int offset, int length, int window) {
        int half = (window + 2) / 2;
        int phase1 = half - 1;
        int phase2 = window - half + 1;
        int phase3 = length - window;
        int phase4 = half - 1;
        int li = offset;
        int ri = offset;
        int oi = offset;
        float sum = 0.0f;
        int current = 0;
        for (int k = 0; k < phase1; k++) {
            sum += in[ri++];
            current++;
        }
        for (int k = 0; k < phase2; k++) {
            sum += in[ri++];
            current++;
            out[oi++] = sum / current;
        }
        for (int k = 0; k < phase3; k++) {
            sum += in[ri++];
            sum -= in[li++];
            out[oi++] = sum / current;
        }
        for (int k = 0; k < phase4; k++) {
            sum -= in[li++];
            current--;
            out[oi++] = sum / current;
        }
    }

    /**
     * {@link #boxAlongRow} on four consecutive rows at once: each row keeps its own running sum with exactly the
     * reference's operations in the reference's order, interleaved only so the processor can overlap the four
     * dependency chains.
     */
    private static void boxAlongFourRows(float[] in, float[] out, int offset, int length, int window) {
        int half = (window + 2) / 2;
        int phase1 = half - 1;
        int phase2 = window - half + 1;
        int phase3 = length - window;
        int phase4 = half - 1;
        int o0 = offset;
        int o1 = offset + length;
        int o2 = offset + 2 * length;
        int o3 = offset + 3 * length;
        int li = 0;
        int ri = 0;
        int oi = 0;
        float s0 = 0.0f;
        float s1 = 0.0f;
        float s2 = 0.0f;
        float s3 = 0.0f;
        int current = 0;
        for (int k = 0; k < phase1; k++, ri++) {
            s0 += in[o0 + ri];
            s1 += in[o1 + ri];
            s2 += in[o2 + ri];
            s3 += in[o3 + ri];
            current++;
        }
        for (int k = 0; k < phase2; k++, ri++, oi++) {
            s0 += in[o0 + ri];
            s1 += in[o1 + ri];
            s2 += in[o2 + ri];
            s3 += in[o3 + ri];
            current++;
            out[o0 + oi] = s0 / current;
            out[o1 + oi] = s1 / current;
            out[o2 + oi] = s2 / current;
            out[o3 + oi] = s3 / current;
        }
        for (int k = 0; k < phase3; k++, ri++, li++, oi++) {
            s0 += in[o0 + ri];
            s1 += in[o1 + ri];
            s2 += in[o2 + ri];
            s3 += in[o3 + ri];
            s0 -= in[o0 + li];
            s1 -= in[o1 + li];
            s2 -= in[o2 + li];
            s3 -= in[o3 + li];
            out[o0 + oi] = s0 / current;
            out[o1 + oi] = s1 / current;
            out[o2 + oi] = s2 / current;
            out[o3 + oi] = s3 / current;
        }
        for (int k = 0; k < phase4; k++, li++, oi++) {
            s0 -= in[o0 + li];
            s1 -= in[o1 + li];
            s2 -= in[o2 + li];
            s3 -= in[o3 + li];
            current--;
            out[o0 + oi] = s0 / current;
            out[o1 + oi] = s1 / current;
            out[o2 + oi] = s2 / current;
            out[o3 + oi] = s3 / current;
        }
    }

    /**
     * The same filter down every column, swept row by row so memory is read in order: each column's running sum sees
     * exactly the additions and subtractions, in the same order, as the reference's column-at-a-time loop.
     */
    private static void boxAlongColumns(float[] in, float[] out, int height, int width, int window, float[] sums) {
        int half = (window + 2) / 2;
        int phase1 = half - 1;
        int phase2 = window - half + 1;
        int phase3 = height - window;
        int phase4 = half - 1;
        Arrays.fill(sums, 0.0f);
        int ri = 0;
        int li = 0;
        int oi = 0;
        int current = 0;
        for (int k = 0; k < phase1; k++, ri++) {
            addRow(in, ri * width, sums, width);
            current++;
        }
        for (int k = 0; k < phase2; k++, ri++, oi++) {
            addRow(in, ri * width, sums, width);
            current++;
            writeRow(sums, current, out, oi * width, width);
        }
        for (int k = 0; k < phase3; k++, ri++, li++, oi++) {
            int r = ri * width;
            int l = li * width;
            for (int j = 0; j < width; j++) {
                float s = sums[j] + in[r + j];
                s -= in[l + j];
                sums[j] = s;
                out[oi * width + j] = s / current;
            }
        }
        for (int k = 0; k < phase4; k++, li++, oi++) {
            int l = li * width;
            for (int j = 0; j < width; j++) {
                sums[j] -= in[l + j];
            }
            current--;
            writeRow(sums, current, out, oi * width, width);
        }
    }

    private static void addRow(float[] in, int offset, float[] sums, int width) {
        for (int j = 0; j < width; j++) {
            sums[j] += in[offset + j];
        }
    }

    private static void writeRow(float[] sums, int count, float[] out, int offset, int width) {
        for (int j = 0; j < width; j++) {
            out[offset + j] = sums[j] / count;
        }
    }

    static void decimate(float[] in, int height, int width, float[][] out) {
        for (int i = 0; i < 64; i++) {
            int ini = (int) (((i + 0.5) * height) / 64);
            for (int j = 0; j < 64; j++) {
                int inj = (int) (((j + 0.5) * width) / 64);
                out[i][j] = in[ini * width + inj];
            }
        }
    }

    /** The reference's quality: the sum of neighbour differences in percent of full scale, over 90, at most 100. */
    static int quality(float[][] image) {
        int gradientSum = 0;
        for (int i = 0; i < 63; i++) {
            for (int j = 0; j < 64; j++) {
                int d = (int) (((image[i][j] - image[i + 1][j]) * 100) / 255);
                gradientSum += Math.abs(d);
            }
        }
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 63; j++) {
                int d = (int) (((image[i][j] - image[i][j + 1]) * 100) / 255);
                gradientSum += Math.abs(d);
            }
        }
        return Math.min(gradientSum / 90, 100);
    }

    /** B = D A D^T with D the 16x64 basis: the 16x16 lowest non-DC frequencies of the 64x64 image. */
    static void dct64To16(float[][] a, float[][] t, float[][] b) {
        for (int i = 0; i < 16; i++) {
            float[] d = DCT[i];
            float[] row = t[i];
            for (int j = 0; j < 64; j++) {
                float sum = 0.0f;
                for (int k = 0; k < 64; k++) {
                    sum += d[k] * a[k][j];
                }
                row[j] = sum;
            }
        }
        for (int i = 0; i < 16; i++) {
            float[] row = t[i];
            for (int j = 0; j < 16; j++) {
                float[] d = DCT[j];
                float sum = 0.0f;
                for (int k = 0; k < 64; k++) {
                    sum += row[k] * d[k];
                }
                b[i][j] = sum;
            }
        }
    }

    /** Bit {@code 16i+j} (word i, bit j) set when coefficient (i, j) is above the median (the 128th smallest). */
    static long[] bits(float[][] coefficients) {
        float[] sorted = new float[256];
        for (int i = 0; i < 16; i++) {
            System.arraycopy(coefficients[i], 0, sorted, i * 16, 16);
        }
        Arrays.sort(sorted);
        float median = sorted[127];
        long[] words = new long[4];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                if (coefficients[i][j] > median) {
                    int bit = i * 16 + j;
                    words[bit >> 6] |= 1L << (bit & 63);
                }
            }
        }
        return words;
    }

    private static float[][] dctMatrix() {
        float[][] d = new float[16][64];
        double scale = Math.sqrt(2.0 / 64.0);
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                d[i][j] = (float) (scale * Math.cos((Math.PI / 2 / 64.0) * (i + 1) * (2 * j + 1)));
            }
        }
        return d;
    }
}
