package dev.mnemo.memory.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The offline extraction (what runs without a model, or when its answer is unusable) on a labelled set of
 * texting-style messages — does a message state a personal fact worth remembering? — written apart from the
 * rules; the rules were tuned on its {@code tune} rows, then on {@code heldout} too; {@code fresh}, written after
 * them, gave the unseen figure before its errors were read (BENCHMARKS.md says which is which).
 * Precision, recall and the misses by kind go to {@code target/bench/extraction-*.txt} (copied into
 * BENCHMARKS.md); the test fails below the floors set from the measured level.
 */
class ExtractionAccuracyTest {

    @ParameterizedTest
    @CsvSource({"tune, 0.95, 0.95", "heldout, 0.95, 0.95", "fresh, 0.95, 0.7"})
    void offlineExtractionOnTextingStyleMessages(String split, double precisionFloor, double recallFloor) {
        List<String[]> rows = LabelledSet.rows("/memory/extraction-messages.tsv", split);
        LabelledSet.Tally tally = new LabelledSet.Tally();
        Map<String, Integer> missedByKind = new TreeMap<>();
        Map<String, Integer> wrongByKind = new TreeMap<>();
        StringBuilder errors = new StringBuilder();
        for (String[] row : rows) {
            boolean fact = row[1].equals("fact");
            boolean found = !CandidateExtractor.fromStatements(row[3]).isEmpty();
            tally.add(fact, found);
            if (found != fact) {
                (fact ? missedByKind : wrongByKind).merge(row[2], 1, Integer::sum);
                errors.append(fact ? "missed (" : "false positive (").append(row[2]).append("): ").append(row[3]).append('\n');
            }
        }
        double precision = tally.precision();
        double recall = tally.recall();
        String report = ("Offline extraction on the %s rows (%d messages): precision %.3f, recall %.3f "
                + "(%d found, %d wrongly, %d missed)%nmissed by kind: %s%nwrongly taken by kind: %s%n%s")
                .formatted(split, rows.size(), precision, recall, tally.truePositive, tally.falsePositive,
                        tally.falseNegative, missedByKind, wrongByKind, errors);
        LabelledSet.write("extraction-" + split + ".txt", report);
        assertThat(rows).hasSizeGreaterThan(150);
        assertThat(precision).as(report).isGreaterThanOrEqualTo(precisionFloor);
        assertThat(recall).as(report).isGreaterThanOrEqualTo(recallFloor);
    }
}
