package dev.mnemo.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The public data sets beside the project ({@code ../shared/data}, or {@code -Dmnemo.shared.data=DIR}). They are
 * read in place, never copied into the project; a benchmark skips with a clear message when one is absent.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path require(String relative) {
        Path root = Path.of(System.getProperty("mnemo.shared.data", "../shared/data"));
        Path file = root.resolve(relative);
        Assumptions.assumeTrue(Files.isReadable(file),
                "SKIPPED: " + file.toAbsolutePath().normalize() + " is absent (set -Dmnemo.shared.data=DIR)");
        return file;
    }
}
