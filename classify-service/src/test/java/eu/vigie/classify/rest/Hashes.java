package eu.vigie.classify.rest;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random signal values for tests, so that test classes sharing a database never collide. */
final class Hashes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Hashes() {
    }

    static String hex(int digits) {
        byte[] bytes = new byte[digits / 2];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String sha256() {
        return hex(64);
    }

    static String md5() {
        return hex(32);
    }

    /** A PDQ value that differs from {@code pdq} in exactly {@code bits} bits (the lowest ones of the last digits). */
    static String flip(String pdq, int bits) {
        char[] digits = pdq.toCharArray();
        int flipped = 0;
        for (int i = digits.length - 1; i >= 0 && flipped < bits; i--) {
            int value = Character.digit(digits[i], 16);
            for (int b = 0; b < 4 && flipped < bits; b++, flipped++) {
                value ^= 1 << b;
            }
            digits[i] = Character.forDigit(value, 16);
        }
        return new String(digits);
    }

    static String bankName() {
        return "TEST_" + hex(8).toUpperCase();
    }
}
