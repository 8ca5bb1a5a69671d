package eu.vigie.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import eu.vigie.ingest.Images;
import eu.vigie.ingest.service.MediaSniffer.Dimensions;
import eu.vigie.ingest.service.MediaSniffer.Format;

class MediaSnifferTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bmp(int width, int height) {
        return ByteBuffer.allocate(54).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'B').put((byte) 'M').putInt(54)
                .putInt(0).putInt(54).putInt(40).putInt(width).putInt(height).array();
    }

    private static byte[] webpLossless(int width, int height) {
        long bits = (width - 1) | ((long) (height - 1) << 14);
        ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(32).put(ascii("WEBPVP8L")).putInt(10).put((byte) 0x2F).putInt((int) bits);
        return b.array();
    }

    @Test
    void recognisesEachFormatFromItsMagicNumber() {
        assertEquals(Optional.of(Format.PNG), MediaSniffer.sniff(Images.png()));
        assertEquals(Optional.of(Format.GIF), MediaSniffer.sniff(Images.gif(10, 10)));
        assertEquals(Optional.of(Format.JPEG), MediaSniffer.sniff(Images.jpeg(10, 10)));
        assertEquals(Optional.of(Format.BMP), MediaSniffer.sniff(bmp(10, 10)));
        assertEquals(Optional.of(Format.WEBP), MediaSniffer.sniff(webpLossless(10, 10)));
        assertEquals(Optional.of(Format.MP4), MediaSniffer.sniff(Images.mp4(64)));
        assertEquals(Optional.of(Format.MATROSKA), MediaSniffer.sniff(new byte[] { 0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 1, 2 }));
        assertEquals(Optional.of(Format.PDF), MediaSniffer.sniff(ascii("%PDF-1.7\n...")));
        assertEquals(Optional.of(Format.ZIP), MediaSniffer.sniff(new byte[] { 'P', 'K', 3, 4, 20, 0 }));
        assertEquals(Optional.of(Format.TEXT), MediaSniffer.sniff("un texte en français\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bytesOfNoKnownFormatAreNotGuessed() {
        assertEquals(Optional.empty(), MediaSniffer.sniff(new byte[] { 0, 1, 2, 3, 4, 5 }));
        assertEquals(Optional.empty(), MediaSniffer.sniff(new byte[] { (byte) 0xC3, 0x28 }), "invalid UTF-8 is not text");
        assertEquals(Optional.empty(), MediaSniffer.sniff(ascii("text with a \u001b[31m escape")));
        assertEquals(Optional.empty(), MediaSniffer.sniff(new byte[] { 'B', 'M', 0, 0 }), "a short header is not a bitmap");
    }

    @Test
    void declaredTypesMustDescribeTheFormat() {
        assertTrue(Format.PNG.accepts("image/png"));
        assertFalse(Format.PNG.accepts("image/jpeg"));
        assertTrue(Format.ZIP.accepts("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        assertTrue(Format.MP4.accepts("video/quicktime"));
        assertFalse(Format.MATROSKA.accepts("video/mp4"));
    }

    @Test
    void readsDimensionsFromTheHeaderOnly() throws Exception {
        assertEquals(new Dimensions(100_000, 100_000), MediaSniffer.dimensions(Format.PNG, Images.png(100_000, 100_000)));
        assertEquals(new Dimensions(640, 480), MediaSniffer.dimensions(Format.GIF, Images.gif(640, 480)));
        assertEquals(new Dimensions(1920, 1080), MediaSniffer.dimensions(Format.JPEG, Images.jpeg(1920, 1080)));
        assertEquals(new Dimensions(300, 200), MediaSniffer.dimensions(Format.BMP, bmp(300, -200)), "top-down bitmap");
        assertEquals(new Dimensions(16383, 7), MediaSniffer.dimensions(Format.WEBP, webpLossless(16383, 7)));
    }

    @Test
    void truncatedOrEmptyHeadersAreUnreadable() {
        assertThrows(MediaSniffer.UnreadableHeaderException.class,
                () -> MediaSniffer.dimensions(Format.PNG, java.util.Arrays.copyOf(Images.png(), 20)));
        assertThrows(MediaSniffer.UnreadableHeaderException.class,
                () -> MediaSniffer.dimensions(Format.JPEG, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9 }));
        assertThrows(MediaSniffer.UnreadableHeaderException.class, () -> MediaSniffer.dimensions(Format.GIF, Images.gif(0, 5)));
        assertThrows(MediaSniffer.UnreadableHeaderException.class, () -> MediaSniffer.dimensions(Format.BMP, bmp(-5, 5)));
    }
}
