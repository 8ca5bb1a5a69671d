package eu.vigie.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The benchmarks' reports: one Markdown file a day per benchmark under {@code bench/reports/}, each
 * run appended under its own heading, so that the day's earlier runs stay beside the new one.
 */
public final class DailyReport {

    private DailyReport() {
    }

    /**
     * Appends a run to {@code bench/reports/<name>-<UTC date>.md} (titled {@code "<title>, <date>"} when the
     * file is new) under the heading {@code "<UTC instant>"} followed by {@code label} if there is one;
     * returns the file.
     */
    public static Path append(Path repository, String name, String title, String label, String body) throws IOException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Path out = repository.resolve("bench/reports/" + name + "-" + today + ".md");
        Files.createDirectories(out.getParent());
        String heading = "## " + Instant.now() + (label == null || label.isBlank() ? "" : ": " + label) + "\n\n";
        String start = Files.exists(out) ? "\n" : "# " + title + ", " + today + "\n\n";
        Files.writeString(out, start + heading + body, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return out;
    }
}
