package eu.vigie.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The class-data sharing archive of one packaged service: the classes its start loads, parsed and laid out by the
 * JVM itself, so that later starts map them instead of loading them again (a start about a quarter shorter here).
 * <p>
 * JDK 17 cannot make one by itself ({@code -XX:+AutoCreateSharedArchive} came with JDK 19), so this class does what
 * that option does: a start without a usable archive is told to write one when it ends
 * ({@code -XX:ArchiveClassesAtExit}); once the service has stopped gracefully, {@link #commit()} puts it in place,
 * with a stamp naming the JVM and the JVM options it was made with; later starts with the same JVM and options, of the
 * same packaged files, use it ({@code -XX:SharedArchiveFile}). A start that was killed leaves nothing behind, and any
 * change of the packaged files, of the JVM or of its options makes the next start write a new one. The JVM checks
 * the archive again when it maps it and runs without it if anything does not match.
 * <p>
 * The archive lives beside the service's {@code quarkus-run.jar} (a build output, about 90 MB per service).
 */
public final class ClassDataArchive {

    static final String ARCHIVE = "vigie-class-data.jsa";
    static final String STAMP = "vigie-class-data.stamp";

    private final Path applicationDirectory;
    private final String identity;
    /** Where this start writes its archive: a name of its own, so that two suites starting at once do not mix theirs. */
    private final Path beingWritten;

    private ClassDataArchive(Path applicationDirectory, String identity) {
        this.applicationDirectory = applicationDirectory;
        this.identity = identity;
        this.beingWritten = applicationDirectory.resolve("vigie-class-data." + UUID.randomUUID() + ".part");
    }

    /** The archive of the service packaged at {@code jar}, as started by {@code javaBinary} with {@code javaOptions}. */
    public static ClassDataArchive of(Path jar, String javaBinary, String javaOptions) {
        String identity = String.join("\n", javaBinary, System.getProperty("java.vm.version"), javaOptions.trim());
        return new ClassDataArchive(jar.toAbsolutePath().getParent(), identity);
    }

    /** Whether a start now would use the archive (rather than write one). */
    public boolean usable() {
        Path archive = applicationDirectory.resolve(ARCHIVE);
        Path stamp = applicationDirectory.resolve(STAMP);
        try {
            if (!Files.isRegularFile(archive) || !Files.isRegularFile(stamp)
                    || !Files.readString(stamp, StandardCharsets.UTF_8).equals(identity)) {
                return false;
            }
            FileTime made = Files.getLastModifiedTime(archive);
            try (Stream<Path> files = Files.walk(applicationDirectory)) {
                return files.filter(Files::isRegularFile)
                        .filter(f -> !f.getFileName().toString().startsWith("vigie-class-data."))
                        .noneMatch(f -> lastModified(f).compareTo(made) > 0);
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** The JVM options that make the next start use the archive, or write one as it ends. */
    public List<String> startOptions() {
        if (usable()) {
            return List.of("-XX:SharedArchiveFile=" + applicationDirectory.resolve(ARCHIVE));
        }
        try {
            Files.deleteIfExists(applicationDirectory.resolve(STAMP)); // the archive in place, if any, is stale
        } catch (IOException e) {
            throw new UncheckedIOException("Could not clear the class-data archive in " + applicationDirectory, e);
        }
        discard();
        return List.of("-XX:ArchiveClassesAtExit=" + beingWritten);
    }

    /**
     * After a graceful stop: puts the archive that the start wrote in place. Does nothing when the start used an
     * archive or wrote none.
     */
    public void commit() {
        try {
            if (Files.isRegularFile(beingWritten) && Files.size(beingWritten) > 0) {
                Files.move(beingWritten, applicationDirectory.resolve(ARCHIVE), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                Files.writeString(applicationDirectory.resolve(STAMP), identity, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the class-data archive in " + applicationDirectory, e);
        }
    }

    /**
     * After a start was killed, or before writing a new archive: removes what a start may have left half-written
     * (an archive in place stays usable).
     */
    public void discard() {
        try {
            Files.deleteIfExists(beingWritten);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not clear the class-data archive in " + applicationDirectory, e);
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
