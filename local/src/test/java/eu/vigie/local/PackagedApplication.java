package eu.vigie.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.tools.ToolProvider;

/** A one-class Java program packaged as a service is: {@code <directory>/quarkus-app/quarkus-run.jar}. */
final class PackagedApplication {

    private PackagedApplication() {
    }

    /** Compiles {@code source} (the whole text of public class {@code mainClass}) and packages it with a manifest. */
    static Path of(Path directory, String mainClass, String source) throws Exception {
        Path file = directory.resolve("src").resolve(mainClass + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path classes = Files.createDirectories(directory.resolve("classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                file.toString()));
        Path jar = Files.createDirectories(directory.resolve("quarkus-app")).resolve("quarkus-run.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry(mainClass + ".class"));
            out.write(Files.readAllBytes(classes.resolve(mainClass + ".class")));
            out.closeEntry();
        }
        return jar;
    }
}
