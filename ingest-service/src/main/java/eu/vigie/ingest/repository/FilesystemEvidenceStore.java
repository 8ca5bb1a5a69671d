package eu.vigie.ingest.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Evidence bytes as files under a root folder, content-addressed: {@code <root>/ab/cd/<sha256>}.
 * A write goes to a temporary file in the same folder, is forced to disk, then moved into place
 * atomically and the folder forced too, so a crash leaves either no file or the whole file. A read
 * checks the bytes still hash to their address, so a damaged file is never served as evidence.
 */
public class FilesystemEvidenceStore implements EvidenceStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    public FilesystemEvidenceStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The file of the bytes with this SHA-256. */
    public Path pathOf(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a lower-case hex SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    @Override
    public void put(String sha256, byte[] bytes) {
        Path target = pathOf(sha256);
        if (!sha256.equals(sha256Of(bytes))) {
            throw new IllegalArgumentException("The bytes do not hash to " + sha256);
        }
        try {
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
                return;
            }
            Path folder = Files.createDirectories(target.getParent());
            Path temp = folder.resolve("." + sha256 + "." + UUID.randomUUID() + ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new IllegalStateException("The evidence folder " + folder + " does not support atomic moves", e);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            forceFolder(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Evidence " + sha256 + " could not be written", e);
        }
    }

    @Override
    public Optional<byte[]> get(String sha256) {
        Path file = pathOf(sha256);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Evidence " + sha256 + " could not be read", e);
        }
        if (!sha256.equals(sha256Of(bytes))) {
            throw new IllegalStateException("The file of evidence " + sha256 + " no longer hashes to its address");
        }
        return Optional.of(bytes);
    }

    @Override
    public boolean delete(String sha256) {
        Path file = pathOf(sha256);
        try {
            boolean deleted = Files.deleteIfExists(file);
            if (deleted) {
                forceFolder(file.getParent());
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("Evidence " + sha256 + " could not be deleted", e);
        }
    }

    private static void forceFolder(Path folder) {
        // Makes the new or removed directory entry durable; not every platform can open a folder.
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel; its NTFS journal makes the rename durable.
        }
    }

    private static String sha256Of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
