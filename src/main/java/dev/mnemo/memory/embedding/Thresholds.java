package dev.mnemo.memory.embedding;

import java.util.Map;

/**
 * Cosine similarities that decide what a new statement is to an existing memory; they depend on the
 * embedding model, so each model has its own, measured on the STS Benchmark pairs (BENCHMARKS.md,
 * {@code DedupThresholdBenchmark}): {@code merge} maximises F0.5 of "same memory" (a wrong merge loses
 * information, a kept duplicate costs little); {@code related} keeps recall of "same" at 99 % so that the
 * model (or the slot rules) sees every possible update.
 *
 * @param merge   from here on, the same memory said again
 * @param related from here on, worth comparing for an update
 */
public record Thresholds(double merge, double related) {
    private static final Map<String, Thresholds> MEASURED = Map.of(
            EmbeddingModels.BGE_SMALL, new Thresholds(0.85, 0.75),
            EmbeddingModels.MINILM, new Thresholds(0.79, 0.60),
            EmbeddingModels.OPENAI_SMALL, new Thresholds(0.80, 0.60));

    public Thresholds {
        if (!(related > 0 && related < merge && merge <= 1)) {
            throw new IllegalArgumentException("memory thresholds: need 0 < related < merge <= 1, got " + related + " and " + merge);
        }
    }

    /** The measured values for the model, each replaced by the configured one when given. */
    public static Thresholds of(String model, Double merge, Double related) {
        Thresholds measured = MEASURED.getOrDefault(model, new Thresholds(0.85, 0.7));
        return new Thresholds(merge != null ? merge : measured.merge(), related != null ? related : measured.related());
    }
}
