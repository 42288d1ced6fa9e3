package dev.mnemo.memory.bench;

import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.embedding.EmbeddingModels;
import dev.mnemo.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chooses the merge threshold: on the STS Benchmark pairs (label 1 = same meaning, score >= 4; label 0 =
 * different, score <= 2), precision and recall of "same memory" (cosine >= t) for every t, per embedding
 * model. Merging two different memories loses information, keeping a duplicate only costs a little space,
 * so the threshold maximises F0.5 (precision weighed twice recall).
 * Run: {@code ./mvnw -Pbench test -Dtest=DedupThresholdBenchmark}.
 */
@Tag("benchmark")
class DedupThresholdBenchmark {

    @Test
    void chooseTheMergeThreshold() throws IOException {
        Path file = SharedData.require("sts-pairs/pairs.jsonl");
        JsonMapper json = JsonMapper.builder().build();
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode pair = json.readTree(line);
            a.add(pair.get("a").asString());
            b.add(pair.get("b").asString());
            labels.add(pair.get("label").asInt());
        }
        StringBuilder report = new StringBuilder("Merge threshold on STS Benchmark pairs (" + labels.size()
                + " pairs, " + labels.stream().filter(l -> l == 1).count() + " same)\n");
        for (String model : EmbeddingModels.IN_PROCESS) {
            Embedder embedder = EmbeddingModels.create(model, new NoCache(), null, null);
            List<float[]> va = embedder.embedAll(a);
            List<float[]> vb = embedder.embedAll(b);
            double[] sims = new double[labels.size()];
            for (int i = 0; i < sims.length; i++) {
                sims[i] = dot(va.get(i), vb.get(i));
            }
            double bestT = 0;
            double bestF = -1;
            String best = "";
            StringBuilder table = new StringBuilder();
            for (int step = 50; step <= 99; step++) {
                double t = step / 100.0;
                int tp = 0, fp = 0, fn = 0;
                for (int i = 0; i < sims.length; i++) {
                    boolean same = sims[i] >= t;
                    if (same && labels.get(i) == 1) {
                        tp++;
                    } else if (same) {
                        fp++;
                    } else if (labels.get(i) == 1) {
                        fn++;
                    }
                }
                double p = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
                double r = (double) tp / (tp + fn);
                double f05 = p + r == 0 ? 0 : 1.25 * p * r / (0.25 * p + r);
                double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
                if (f05 > bestF) {
                    bestF = f05;
                    bestT = t;
                    best = "precision %.3f recall %.3f".formatted(p, r);
                }
                if (step % 5 == 0 || step >= 85) {
                    table.append("  t=%.2f  precision %.3f  recall %.3f  F1 %.3f  F0.5 %.3f%n".formatted(t, p, r, f1, f05));
                }
            }
            report.append(model).append(": best F0.5 %.3f at t=%.2f (%s)%n".formatted(bestF, bestT, best)).append(table);
        }
        System.out.println(report);
        Path out = Path.of("target", "bench", "dedup-threshold.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static double dot(float[] x, float[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
