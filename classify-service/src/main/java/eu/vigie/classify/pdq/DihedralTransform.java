package eu.vigie.classify.pdq;

/**
 * The eight symmetries of a rectangle, in the order of the reference's dihedral output (original, rot90, rot180,
 * rot270, flipX, flipY, flipPlus1, flipMinus1). Each maps the 16x16 DCT coefficients of an image to those of the
 * transformed image: a mirror about an axis negates the odd frequencies along it (the reference's index 0 is
 * frequency 1), a transposition swaps the axes.
 */
public enum DihedralTransform {
    ORIGINAL, ROTATE_90, ROTATE_180, ROTATE_270, FLIP_X, FLIP_Y, FLIP_PLUS1, FLIP_MINUS1;

    /** Writes into {@code b} the coefficients of the transformed image, given the original's {@code a}. */
    void apply(float[][] a, float[][] b) {
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float v = a[i][j];
                switch (this) {
                    case ORIGINAL -> b[i][j] = v;
                    case ROTATE_90 -> b[j][i] = (j & 1) != 0 ? v : -v;
                    case ROTATE_180 -> b[i][j] = ((i + j) & 1) != 0 ? -v : v;
                    case ROTATE_270 -> b[j][i] = (i & 1) != 0 ? v : -v;
                    case FLIP_X -> b[i][j] = (i & 1) != 0 ? v : -v;
                    case FLIP_Y -> b[i][j] = (j & 1) != 0 ? v : -v;
                    case FLIP_PLUS1 -> b[j][i] = v;
                    case FLIP_MINUS1 -> b[j][i] = ((i + j) & 1) != 0 ? -v : v;
                    default -> throw new IllegalStateException(name());
                }
            }
        }
    }
}
