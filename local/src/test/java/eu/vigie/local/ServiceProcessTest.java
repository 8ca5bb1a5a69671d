package eu.vigie.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path directory;
    private Path jar;

    /** A "service" that writes the environment and the JVM options it was given to its log and ends. */
    @BeforeEach
    void packageAService() throws Exception {
        jar = PackagedApplication.of(directory, "Env", "public class Env { public static void main(String[] a) {"
                + " System.out.println(\"MALLOC_ARENA_MAX=\" + System.getenv(\"MALLOC_ARENA_MAX\"));"
                + " System.out.println(\"VIGIE_PROBE=\" + System.getenv(\"VIGIE_PROBE\"));"
                + " System.out.println(\"JVM=\" + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()); } }");
    }

    @Test
    void aServiceRunsWithAtMostTwoMallocArenasAsThePodsDo() throws Exception {
        String log = run(Map.of("VIGIE_PROBE", "given"), localWithoutArchive());
        assertTrue(log.contains("MALLOC_ARENA_MAX=" + JvmSettings.MALLOC_ARENA_MAX + "\n"), log);
        assertTrue(log.contains("VIGIE_PROBE=given\n"), log);
    }

    @Test
    void anEnvironmentThatSetsTheArenasKeepsItsOwnValue() throws Exception {
        String log = run(Map.of("MALLOC_ARENA_MAX", "4"), localWithoutArchive());
        assertTrue(log.contains("MALLOC_ARENA_MAX=4\n"), log);
    }

    @Test
    void aServiceRunsWithTheJvmOptionsAndEnvironmentOfItsSettings() throws Exception {
        JvmSettings settings = new JvmSettings("-Xss900k -XX:+UseSerialGC -Dvigie.probe=jvm", Map.of("MALLOC_ARENA_MAX", "3"), false);
        String log = run(Map.of(), settings);
        assertTrue(log.contains("MALLOC_ARENA_MAX=3\n"), log);
        String arguments = log.lines().filter(l -> l.startsWith("JVM=")).findFirst().orElseThrow();
        for (String option : settings.javaOptionWords()) {
            assertTrue(arguments.contains(option), option + " not in " + arguments);
        }
        assertFalse(arguments.contains("SharedArchiveFile") || arguments.contains("ArchiveClassesAtExit"), arguments);
    }

    private static JvmSettings localWithoutArchive() {
        JvmSettings local = JvmSettings.local();
        return new JvmSettings(local.javaOptions(), local.environment(), false);
    }

    private String run(Map<String, String> environment, JvmSettings jvm) throws Exception {
        Path log = directory.resolve("logs/env.log");
        ServiceProcess service = new ServiceProcess("env", jar, 1, environment, Map.of(), log, jvm);
        service.launch();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (service.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(service.isAlive(), "the service did not end");
        return Files.readString(log);
    }
}
