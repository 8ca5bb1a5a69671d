package eu.vigie.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.CRC32;

/** Headers of real formats for tests: each call gives different bytes (a random text chunk or trailer). */
public final class Images {

    private Images() {
    }

    /** A PNG whose IHDR declares {@code width x height}, with a unique tEXt chunk; no pixel data follows. */
    public static byte[] png(long width, long height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt((int) width).putInt((int) height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "tEXt", ("Comment\0" + UUID.randomUUID()).getBytes(StandardCharsets.ISO_8859_1));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A small PNG (32 x 32). */
    public static byte[] png() {
        return png(32, 32);
    }

    /** A GIF89a header declaring {@code width x height}. */
    public static byte[] gif(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
        out.write(width & 0xFF);
        out.write(width >> 8);
        out.write(height & 0xFF);
        out.write(height >> 8);
        out.writeBytes(new byte[] { 0, 0, 0, 0x3B });
        out.writeBytes(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** A JPEG whose SOF0 declares {@code width x height}. */
    public static byte[] jpeg(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0,
                1, 1, 0, 0, 1, 0, 1, 0, 0 });
        out.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xC0, 0, 11, 8, (byte) (height >> 8), (byte) height,
                (byte) (width >> 8), (byte) width, 1, 1, 0x11, 0 });
        out.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xD9 });
        out.writeBytes(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** An MP4 beginning: an ftyp box of brand isom, then unique bytes. */
    public static byte[] mp4(int size) {
        byte[] bytes = new byte[Math.max(size, 64)];
        byte[] head = { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p',
                '4', '1' };
        System.arraycopy(head, 0, bytes, 0, head.length);
        byte[] salt = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(salt, 0, bytes, head.length, salt.length);
        return bytes;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
