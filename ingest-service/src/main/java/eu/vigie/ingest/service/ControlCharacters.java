package eu.vigie.ingest.service;

/**
 * Control characters that have no place in what a person writes: C0 controls other than tab, line
 * feed and carriage return, DEL, and C1 controls. They hide text from readers (and from courts) and
 * break logs, so fields that carry them are refused.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    public static boolean isForbidden(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    /** The index of the first forbidden character, or -1. */
    public static int firstIn(String text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (isForbidden(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
