package eu.vigie.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path directory;
    private Path jar;
    private String archiveSetting;

    /** A "service" that writes the environment it was given to its log and ends. */
    @BeforeEach
    void packageAService() throws Exception {
        jar = PackagedApplication.of(directory, "Env", "public class Env { public static void main(String[] a) {"
                + " System.out.println(\"MALLOC_ARENA_MAX=\" + System.getenv(\"MALLOC_ARENA_MAX\"));"
                + " System.out.println(\"VIGIE_PROBE=\" + System.getenv(\"VIGIE_PROBE\")); } }");
        archiveSetting = System.setProperty(ServiceProcess.CLASS_DATA_ARCHIVE, "false");
    }

    @AfterEach
    void restoreTheArchiveSetting() {
        if (archiveSetting == null) {
            System.clearProperty(ServiceProcess.CLASS_DATA_ARCHIVE);
        } else {
            System.setProperty(ServiceProcess.CLASS_DATA_ARCHIVE, archiveSetting);
        }
    }

    @Test
    void aServiceRunsWithAtMostTwoMallocArenasAsThePodsDo() throws Exception {
        String log = run(Map.of("VIGIE_PROBE", "given"));
        assertTrue(log.contains("MALLOC_ARENA_MAX=" + ServiceProcess.MALLOC_ARENA_MAX + "\n"), log);
        assertTrue(log.contains("VIGIE_PROBE=given\n"), log);
    }

    @Test
    void anEnvironmentThatSetsTheArenasKeepsItsOwnValue() throws Exception {
        String log = run(Map.of("MALLOC_ARENA_MAX", "4"));
        assertTrue(log.contains("MALLOC_ARENA_MAX=4\n"), log);
    }

    private String run(Map<String, String> environment) throws Exception {
        Path log = directory.resolve("logs/env.log");
        ServiceProcess service = new ServiceProcess("env", jar, 1, environment, Map.of(), log);
        service.launch();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (service.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(service.isAlive(), "the service did not end");
        return Files.readString(log);
    }
}
