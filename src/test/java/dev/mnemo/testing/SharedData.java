package dev.mnemo.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public data sets beside the project ({@code ../shared/data}, or {@code -Dmnemo.shared.data=DIR}). They are
 * read in place, never copied into the project; a test that needs an absent one skips with a clear message, except
 * with {@code CI=true}, where it fails: on CI a missing data set must not pass as a green run.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path require(String relative) {
        Path root = Path.of(System.getProperty("mnemo.shared.data", "../shared/data"));
        Path file = root.resolve(relative);
        String absent = file.toAbsolutePath().normalize() + " is absent (set -Dmnemo.shared.data=DIR)";
        TestDatabases.require(Files.isReadable(file), absent);
        return file;
    }
}
