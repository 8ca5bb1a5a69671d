package eu.vigie.ingest.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemEvidenceStoreTest {

    @TempDir
    Path root;

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void storesBytesAtTheirContentAddressAndReadsThemBack() throws Exception {
        FilesystemEvidenceStore store = new FilesystemEvidenceStore(root);
        byte[] bytes = "evidence".getBytes(StandardCharsets.UTF_8);
        String sha = sha256(bytes);
        store.put(sha, bytes);
        Path file = root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        assertEquals(file, store.pathOf(sha));
        assertArrayEquals(bytes, Files.readAllBytes(file));
        assertArrayEquals(bytes, store.get(sha).orElseThrow());
        store.put(sha, bytes);
        try (Stream<Path> all = Files.walk(root)) {
            List<Path> files = all.filter(Files::isRegularFile).toList();
            assertEquals(List.of(file), files, "one file, no temporary file left behind");
        }
    }

    @Test
    void refusesBytesThatDoNotHashToTheirAddress() throws Exception {
        FilesystemEvidenceStore store = new FilesystemEvidenceStore(root);
        String other = sha256("other".getBytes(StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> store.put(other, "evidence".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> store.pathOf("../../etc/passwd"));
        assertTrue(store.get(other).isEmpty());
    }

    @Test
    void aDamagedFileIsNeverServedAsEvidence() throws Exception {
        FilesystemEvidenceStore store = new FilesystemEvidenceStore(root);
        byte[] bytes = "original".getBytes(StandardCharsets.UTF_8);
        String sha = sha256(bytes);
        store.put(sha, bytes);
        Files.write(store.pathOf(sha), "tampered".getBytes(StandardCharsets.UTF_8));
        assertThrows(IllegalStateException.class, () -> store.get(sha));
    }

    @Test
    void deleteRemovesTheFileAndIsIdempotent() throws Exception {
        FilesystemEvidenceStore store = new FilesystemEvidenceStore(root);
        byte[] bytes = "to purge".getBytes(StandardCharsets.UTF_8);
        String sha = sha256(bytes);
        store.put(sha, bytes);
        assertTrue(store.delete(sha));
        assertFalse(Files.exists(store.pathOf(sha)));
        assertFalse(store.delete(sha));
        assertTrue(store.get(sha).isEmpty());
    }
}
