package eu.vigie.classify.pdq;

/**
 * A PDQ hash and its quality (0-100). Bit {@code k} of the hash is bit {@code k & 63} of {@code words[k >> 6]}; the
 * hexadecimal form is the reference's: 16-bit words from the last (bits 240-255) to the first.
 */
public record PdqResult(long[] words, int quality) {

    public String hex() {
        return PdqHashes.toHex(words);
    }
}
