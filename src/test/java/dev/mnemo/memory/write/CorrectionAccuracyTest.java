package dev.mnemo.memory.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.embedding.EmbeddingModels;
import dev.mnemo.memory.embedding.Thresholds;
import dev.mnemo.memory.store.MemoryStatus;
import dev.mnemo.memory.store.StoredMemory;
import dev.mnemo.testing.MapCache;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Offline reconciliation (no model) on a labelled set of (older memory, newer statement) pairs written apart from
 * the rules: is the newer a correction of the older — replacing it, history kept — or an addition, or unrelated?
 * The rules were tuned on the {@code tune} rows, then on {@code heldout} too; {@code fresh}, written after them,
 * gave the unseen figure before its errors were read (BENCHMARKS.md says which is which). Precision and recall of
 * "correction" go to {@code target/bench/corrections-*.txt}; the floors sit just under what each part measures.
 */
class CorrectionAccuracyTest {
    private static Embedder embedder;
    private static Reconciler reconciler;

    @BeforeAll
    static void model() {
        embedder = EmbeddingModels.create(EmbeddingModels.BGE_SMALL, new MapCache(), null, null);
        reconciler = new Reconciler(null, null, null, Thresholds.of(embedder.modelId(), null, null));
    }

    @AfterAll
    static void close() throws Exception {
        embedder.close();
    }

    @ParameterizedTest
    @CsvSource({"tune, 0.95, 0.9", "heldout, 0.9, 0.75", "fresh, 0.9, 0.35"})
    void correctionsAreToldFromAdditionsWithoutAModel(String split, double precisionFloor, double recallFloor) {
        List<String[]> rows = LabelledSet.rows("/memory/correction-pairs.tsv", split);
        LabelledSet.Tally tally = new LabelledSet.Tally();
        Map<String, Integer> byLabel = new TreeMap<>();
        StringBuilder errors = new StringBuilder();
        for (String[] row : rows) {
            boolean correction = row[1].equals("correction");
            StoredMemory older = new StoredMemory("old", "u", row[2], Statements.kindOf(row[2]), 5, List.of(), 0, 0, null,
                    0, 1.0, 0, null, MemoryStatus.ACTIVE, null);
            Candidate newer = CandidateExtractor.explicit(row[3]);
            double similarity = dot(embedder.embed(older.text()), embedder.embed(newer.text()));
            boolean predicted = reconciler.offline(newer, List.of(new Reconciler.Neighbour(older, similarity)))
                    .action() == Reconciler.Action.UPDATE;
            tally.add(correction, predicted);
            byLabel.merge(row[1] + (predicted ? " → correction" : " → kept apart or merged"), 1, Integer::sum);
            if (predicted != correction) {
                errors.append(predicted ? "wrongly replaced (" + row[1] + ", " : "missed (")
                        .append("%.2f".formatted(similarity)).append("): ").append(row[2]).append(" ← ").append(row[3])
                        .append('\n');
            }
        }
        double precision = tally.precision();
        double recall = tally.recall();
        String report = ("Offline corrections on the %s pairs (%d): precision %.3f, recall %.3f (%d replaced rightly, "
                + "%d wrongly, %d missed)%n%s%n%s").formatted(split, rows.size(), precision, recall, tally.truePositive,
                tally.falsePositive, tally.falseNegative, byLabel, errors);
        LabelledSet.write("corrections-" + split + ".txt", report);
        assertThat(rows).hasSizeGreaterThan(75);
        assertThat(precision).as(report).isGreaterThanOrEqualTo(precisionFloor);
        assertThat(recall).as(report).isGreaterThanOrEqualTo(recallFloor);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
