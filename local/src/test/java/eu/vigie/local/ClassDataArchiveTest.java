package eu.vigie.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    private static final String OPTIONS = "-Xmx64m -XX:+UseSerialGC";

    @TempDir
    Path directory;
    private Path jar;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @BeforeEach
    void packageAnApplication() throws Exception {
        jar = PackagedApplication.of(directory, "Hello", "public class Hello { public static void main(String[] a) {"
                + " System.out.println(new java.util.concurrent.ConcurrentSkipListMap<String, String>()); } }");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
    }

    @Test
    void aFirstStartWritesTheArchiveWhichTheJvmThenMapsOnTheNextStart() throws Exception {
        ClassDataArchive archive = ClassDataArchive.of(jar, java, OPTIONS);
        assertFalse(archive.usable());
        List<String> training = archive.startOptions();
        assertTrue(training.get(0).startsWith("-XX:ArchiveClassesAtExit="), training.toString());
        assertEquals(0, run(training));

        archive.commit();
        assertTrue(archive.usable());
        List<String> using = archive.startOptions();
        assertTrue(using.get(0).startsWith("-XX:SharedArchiveFile="), using.toString());
        List<String> strict = new ArrayList<>(using);
        strict.add("-Xshare:on"); // the JVM refuses to start when it cannot map the archive
        assertEquals(0, run(strict));
    }

    @Test
    void aChangeOfThePackagedFilesOfTheJvmOptionsOrOfTheJvmCallsForANewArchive() throws Exception {
        ClassDataArchive archive = ClassDataArchive.of(jar, java, OPTIONS);
        writtenByAStart(archive);
        assertTrue(archive.usable());

        assertFalse(ClassDataArchive.of(jar, java, OPTIONS + " -Xss512k").usable(), "other JVM options");
        assertFalse(ClassDataArchive.of(jar, "/opt/other-jdk/bin/java", OPTIONS).usable(), "another JVM");

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        assertFalse(archive.usable(), "a rebuilt application");
        assertTrue(archive.startOptions().get(0).startsWith("-XX:ArchiveClassesAtExit="));
    }

    @Test
    void aKilledTrainingStartLeavesNothingHalfWritten() throws Exception {
        ClassDataArchive archive = ClassDataArchive.of(jar, java, OPTIONS);
        Path halfWritten = writtenTo(archive);
        Files.writeString(halfWritten, "half an archive");
        archive.discard();
        assertFalse(Files.exists(halfWritten));
        archive.commit();
        assertFalse(archive.usable());
    }

    @Test
    void aKilledStartThatUsedTheArchiveKeepsIt() throws Exception {
        ClassDataArchive archive = ClassDataArchive.of(jar, java, OPTIONS);
        writtenByAStart(archive);
        assertTrue(archive.startOptions().get(0).startsWith("-XX:SharedArchiveFile="));
        archive.discard();
        assertTrue(archive.usable());
    }

    @Test
    void aStartThatWroteNothingCommitsNothing() {
        ClassDataArchive archive = ClassDataArchive.of(jar, java, OPTIONS);
        archive.startOptions();
        archive.commit();
        assertFalse(archive.usable());
        assertFalse(Files.exists(jar.resolveSibling(ClassDataArchive.STAMP)));
    }

    @Test
    void twoStartsAtOnceWriteTheirArchivesApart() {
        Path first = writtenTo(ClassDataArchive.of(jar, java, OPTIONS));
        Path second = writtenTo(ClassDataArchive.of(jar, java, OPTIONS));
        assertFalse(first.equals(second));
    }

    private static Path writtenTo(ClassDataArchive archive) {
        String option = archive.startOptions().get(0);
        assertTrue(option.startsWith("-XX:ArchiveClassesAtExit="), option);
        return Path.of(option.substring(option.indexOf('=') + 1));
    }

    /** What a training start and a graceful stop leave (without running a JVM). */
    private static void writtenByAStart(ClassDataArchive archive) throws IOException {
        Path written = writtenTo(archive);
        try (OutputStream out = Files.newOutputStream(written)) {
            out.write("an archive".getBytes(StandardCharsets.UTF_8));
        }
        archive.commit();
    }

    private int run(List<String> archiveOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(OPTIONS.split(" ")));
        command.addAll(archiveOptions);
        command.addAll(List.of("-jar", jar.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("jvm.log").toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the JVM did not end");
        return process.exitValue();
    }
}
