package eu.vigie.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmSettingsTest {

    /** The repository this module is part of (tests run in the module's directory). */
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path directory;
    private final Map<String, String> savedProperties = new HashMap<>();

    @AfterEach
    void restoreProperties() {
        savedProperties.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }

    @Test
    void podSettingsAreTheJvmOptionsAndMallocArenasOfTheServicesConfigMap() throws Exception {
        configMap("demo-service", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: demo-service-config
                data:
                  QUARKUS_HTTP_PORT: '8089'
                  JAVA_OPTS_APPEND: -Xms8m -Xmx300m -XX:+UseSerialGC
                  MALLOC_ARENA_MAX: "3"
                  kubernetes.properties: |
                    JAVA_OPTS_APPEND: not this one
                """);
        JvmSettings pod = JvmSettings.pod(directory, "demo-service");
        assertEquals("-Xms8m -Xmx300m -XX:+UseSerialGC", pod.javaOptions());
        assertEquals(Map.of("MALLOC_ARENA_MAX", "3"), pod.environment(), "only what configures the JVM");
        assertFalse(pod.classDataArchive(), "the pods have no class-data archive");
    }

    @Test
    void aConfigMapWithoutJvmOptionsIsRefusedByName() throws Exception {
        configMap("demo-service", "data:\n  QUARKUS_HTTP_PORT: '8089'\n");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> JvmSettings.pod(directory, "demo-service"));
        assertTrue(refused.getMessage().contains("JAVA_OPTS_APPEND"), refused.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> JvmSettings.pod(directory, "other-service"));
        assertTrue(missing.getMessage().contains("other-service"), missing.getMessage());
    }

    @Test
    void everyServiceHasPodSettingsWithTheC2CompilerAndItsOwnHeap() throws Exception {
        for (String service : Suite.SERVICES) {
            JvmSettings pod = JvmSettings.pod(REPOSITORY, service);
            assertTrue(pod.javaOptions().matches(".*-Xmx\\d+[mg].*"), service + ": " + pod.javaOptions());
            assertFalse(pod.javaOptions().contains("TieredStopAtLevel"), service + " would run C1 only: " + pod.javaOptions());
            assertEquals(JvmSettings.MALLOC_ARENA_MAX, pod.environment().get("MALLOC_ARENA_MAX"), service);
        }
    }

    @Test
    void theLocalSuiteRunsItsQuickStartSettingsUnlessThePodsAreAskedFor() throws Exception {
        set(JvmSettings.JVM, "local");
        set(JvmSettings.JAVA_OPTIONS, null);
        set(JvmSettings.CLASS_DATA_ARCHIVE, null);
        JvmSettings local = JvmSettings.chosen(REPOSITORY, "case-service");
        assertTrue(local.javaOptions().contains("-XX:TieredStopAtLevel=1"), local.javaOptions());
        assertEquals(Map.of("MALLOC_ARENA_MAX", JvmSettings.MALLOC_ARENA_MAX), local.environment());

        set(JvmSettings.JVM, "pod");
        assertEquals("pod", JvmSettings.choice());
        assertEquals(JvmSettings.pod(REPOSITORY, "case-service"), JvmSettings.chosen(REPOSITORY, "case-service"));

        set(JvmSettings.JVM, "native");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> JvmSettings.chosen(REPOSITORY, "case-service"));
        assertTrue(refused.getMessage().contains("local or pod, not native"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, JvmSettings::choice);
    }

    @Test
    void theLocalSettingsTakeTheOperatorsJvmOptionsAndArchiveSwitch() {
        set(JvmSettings.JAVA_OPTIONS, "-Xmx200m -XX:+UseSerialGC");
        set(JvmSettings.CLASS_DATA_ARCHIVE, "false");
        JvmSettings local = JvmSettings.local();
        assertEquals("-Xmx200m -XX:+UseSerialGC", local.javaOptions());
        assertFalse(local.classDataArchive());
        set(JvmSettings.CLASS_DATA_ARCHIVE, null);
        assertTrue(JvmSettings.local().classDataArchive(), "archives are on by default");
    }

    private void configMap(String service, String yaml) throws Exception {
        Path file = directory.resolve("k8s/base").resolve(service).resolve("configmap.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
    }

    private void set(String property, String value) {
        savedProperties.putIfAbsent(property, System.getProperty(property));
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
