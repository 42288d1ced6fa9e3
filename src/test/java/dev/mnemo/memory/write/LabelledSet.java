package dev.mnemo.memory.write;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A labelled TSV under {@code src/test/resources} (first column: its half), and precision and recall over it. */
final class LabelledSet {
    private LabelledSet() {
    }

    /** The rows of one half, as their four columns. */
    static List<String[]> rows(String resource, String split) {
        try (InputStream in = LabelledSet.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .filter(line -> !line.isBlank()).map(line -> line.split("\t", 4))
                    .filter(row -> row[0].equals(split)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts of one binary decision against its labels. */
    static final class Tally {
        int truePositive;
        int falsePositive;
        int falseNegative;

        void add(boolean labelled, boolean predicted) {
            if (labelled && predicted) {
                truePositive++;
            } else if (predicted) {
                falsePositive++;
            } else if (labelled) {
                falseNegative++;
            }
        }

        double precision() {
            return truePositive == 0 ? 0 : (double) truePositive / (truePositive + falsePositive);
        }

        double recall() {
            return truePositive == 0 ? 0 : (double) truePositive / (truePositive + falseNegative);
        }
    }

    /** Writes the report where BENCHMARKS.md's figures are copied from. */
    static void write(String name, String report) {
        try {
            Path out = Path.of("target", "bench", name);
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
