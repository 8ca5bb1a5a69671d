package eu.vigie.classify.pdq;

/** Conversions and distances of 256-bit PDQ hashes packed in four longs. */
public final class PdqHashes {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PdqHashes() {
    }

    /**
     * The 64 lower-case hexadecimal digits of a hash: the reference prints its sixteen 16-bit words from the last to
     * the first, so digit 0 holds bits 255-252 and digit 63 bits 3-0.
     */
    public static String toHex(long[] words) {
        char[] out = new char[64];
        for (int digit = 0; digit < 64; digit++) {
            int shift = 252 - 4 * digit;
            out[digit] = HEX[(int) (words[shift >> 6] >>> (shift & 63)) & 0xf];
        }
        return new String(out);
    }

    /** The packed form of 64 hexadecimal digits (case ignored); callers validate the text first. */
    public static long[] fromHex(String hex) {
        if (hex.length() != 64) {
            throw new IllegalArgumentException("A PDQ hash has 64 hexadecimal digits");
        }
        long[] words = new long[4];
        for (int digit = 0; digit < 64; digit++) {
            int value = Character.digit(hex.charAt(digit), 16);
            if (value < 0) {
                throw new IllegalArgumentException("Not a hexadecimal digit: " + hex.charAt(digit));
            }
            int shift = 252 - 4 * digit;
            words[shift >> 6] |= ((long) value) << (shift & 63);
        }
        return words;
    }

    public static int distance(long[] a, long[] b) {
        return Long.bitCount(a[0] ^ b[0]) + Long.bitCount(a[1] ^ b[1]) + Long.bitCount(a[2] ^ b[2])
                + Long.bitCount(a[3] ^ b[3]);
    }

    public static int distance(String a, String b) {
        return distance(fromHex(a), fromHex(b));
    }
}
