package eu.vigie.ingest.service;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * What content bytes are, read from their first bytes (magic numbers), never from what the sender
 * declares; and, for images, the dimensions their header declares, read from the header alone so
 * that a hostile header (a PNG claiming 100,000 x 100,000 pixels) is refused before anything decodes it.
 */
public final class MediaSniffer {

    /** A recognised format: a name for people, and the declared media types that may describe it. */
    public enum Format {
        JPEG("JPEG image", Set.of("image/jpeg", "image/jpg", "image/pjpeg")),
        PNG("PNG image", Set.of("image/png", "image/apng")),
        GIF("GIF image", Set.of("image/gif")),
        BMP("BMP image", Set.of("image/bmp", "image/x-bmp", "image/x-ms-bmp")),
        WEBP("WebP image", Set.of("image/webp")),
        MP4("MP4/QuickTime video (ftyp)", Set.of("video/mp4", "video/quicktime", "video/x-m4v", "video/3gpp",
                "video/3gpp2", "audio/mp4", "audio/x-m4a")),
        MATROSKA("WebM/Matroska video", Set.of("video/webm", "video/x-matroska", "audio/webm", "video/matroska")),
        PDF("PDF document", Set.of("application/pdf")),
        ZIP("ZIP container (DOCX, XLSX, PPTX, ODF, EPUB, ZIP)", Set.of("application/zip",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
                "application/vnd.oasis.opendocument.presentation", "application/epub+zip")),
        TEXT("plain text (UTF-8)", Set.of("text/plain", "text/csv", "text/markdown"));

        private final String description;
        private final Set<String> mediaTypes;

        Format(String description, Set<String> mediaTypes) {
            this.description = description;
            this.mediaTypes = mediaTypes;
        }

        public String description() {
            return description;
        }

        /** Whether a declared media type (its essence, lower case, without parameters) describes this format. */
        public boolean accepts(String essence) {
            return mediaTypes.contains(essence);
        }

        public boolean isImage() {
            return this == JPEG || this == PNG || this == GIF || this == BMP || this == WEBP;
        }
    }

    /** Width and height in pixels, as the image's header declares them. */
    public record Dimensions(long width, long height) {

        public long pixels() {
            return width * height;
        }
    }

    /** Why an image header cannot be trusted. */
    public static final class UnreadableHeaderException extends Exception {

        UnreadableHeaderException(String message) {
            super(message);
        }
    }

    private MediaSniffer() {
    }

    /** The format of the bytes, or empty when they are none of the recognised ones. */
    public static Optional<Format> sniff(byte[] b) {
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(Format.JPEG);
        }
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(Format.PNG);
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(b, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of(Format.GIF);
        }
        if (startsWith(b, 0, 'B', 'M') && b.length >= 26) {
            long dibSize = le32(b, 14);
            if (dibSize == 12 || dibSize == 40 || dibSize == 52 || dibSize == 56 || dibSize == 64 || dibSize == 108
                    || dibSize == 124) {
                return Optional.of(Format.BMP);
            }
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(Format.WEBP);
        }
        if (startsWith(b, 4, 'f', 't', 'y', 'p')) {
            return Optional.of(Format.MP4);
        }
        if (startsWith(b, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return Optional.of(Format.MATROSKA);
        }
        if (startsWith(b, 0, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(Format.PDF);
        }
        if (startsWith(b, 0, 'P', 'K', 0x03, 0x04) || startsWith(b, 0, 'P', 'K', 0x05, 0x06)) {
            return Optional.of(Format.ZIP);
        }
        if (isPlainText(b)) {
            return Optional.of(Format.TEXT);
        }
        return Optional.empty();
    }

    /**
     * The dimensions an image's header declares, read without decoding a single pixel.
     *
     * @throws UnreadableHeaderException if the header is truncated or declares a zero or negative size
     */
    public static Dimensions dimensions(Format format, byte[] b) throws UnreadableHeaderException {
        Dimensions d = switch (format) {
            case PNG -> png(b);
            case GIF -> need(b, 10) ? new Dimensions(le16(b, 6), le16(b, 8)) : null;
            case BMP -> bmp(b);
            case JPEG -> jpeg(b);
            case WEBP -> webp(b);
            default -> throw new IllegalArgumentException(format + " is not an image");
        };
        if (d == null) {
            throw new UnreadableHeaderException("the " + format.description() + " header is truncated or malformed");
        }
        if (d.width() <= 0 || d.height() <= 0) {
            throw new UnreadableHeaderException("the " + format.description() + " header declares "
                    + d.width() + " x " + d.height() + " pixels");
        }
        return d;
    }

    private static Dimensions png(byte[] b) {
        // Signature, then the IHDR chunk: length (4), type "IHDR" (4), width (4), height (4), big-endian.
        if (!need(b, 24) || !startsWith(b, 12, 'I', 'H', 'D', 'R')) {
            return null;
        }
        return new Dimensions(be32(b, 16), be32(b, 20));
    }

    private static Dimensions bmp(byte[] b) {
        long dibSize = le32(b, 14);
        if (dibSize == 12) {
            return need(b, 22) ? new Dimensions(le16(b, 18), le16(b, 20)) : null;
        }
        // BITMAPINFOHEADER and later: signed 32-bit width and height (a negative height means top-down).
        return need(b, 26) ? new Dimensions((int) le32(b, 18), Math.abs((long) (int) le32(b, 22))) : null;
    }

    private static Dimensions jpeg(byte[] b) {
        int i = 2;
        while (i + 3 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2;
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return null;
            }
            int length = be16(b, i + 2);
            if (length < 2) {
                return null;
            }
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                return need(b, i + 9) ? new Dimensions(be16(b, i + 7), be16(b, i + 5)) : null;
            }
            i += 2 + length;
        }
        return null;
    }

    private static Dimensions webp(byte[] b) {
        if (!need(b, 30)) {
            return null;
        }
        if (startsWith(b, 12, 'V', 'P', '8', 'X')) {
            return new Dimensions(le24(b, 24) + 1, le24(b, 27) + 1);
        }
        if (startsWith(b, 12, 'V', 'P', '8', 'L')) {
            if ((b[20] & 0xFF) != 0x2F) {
                return null;
            }
            long bits = le32(b, 21);
            return new Dimensions((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
        }
        if (startsWith(b, 12, 'V', 'P', '8', ' ')) {
            if (!startsWith(b, 23, 0x9D, 0x01, 0x2A)) {
                return null;
            }
            return new Dimensions(le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF);
        }
        return null;
    }

    /** Valid UTF-8 without control characters other than tab, line feed, carriage return and form feed. */
    private static boolean isPlainText(byte[] b) {
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
        } catch (CharacterCodingException e) {
            return false;
        }
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (ControlCharacters.isForbidden(c) && c != '\f') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, int offset, int... magic) {
        if (b.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean need(byte[] b, int length) {
        return b.length >= length;
    }

    private static int be16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    private static long be32(byte[] b, int i) {
        return ((long) (b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
    }

    private static int le16(byte[] b, int i) {
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8);
    }

    private static long le24(byte[] b, int i) {
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8) | ((long) (b[i + 2] & 0xFF) << 16);
    }

    private static long le32(byte[] b, int i) {
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8) | ((b[i + 2] & 0xFF) << 16) | ((long) (b[i + 3] & 0xFF) << 24);
    }
}
