package dev.mnemo.memory.embedding;

import java.util.Map;

/**
 * The cosine with the message below which a recalled memory stays out of the prompt, so an unrelated message gets
 * fewer (or no) memories rather than the five least unrelated. It depends on the embedding model; each value is
 * measured on LoCoMo's tuning half as the highest floor that keeps all the evidence the read path finds in its top 5
 * ({@code LocomoRecallBenchmark}, BENCHMARKS.md). It is kept low on purpose: a memory that is relevant by inference
 * ("what should I cook?" → "vegetarian", 0.50 with bge-small) is no closer than small talk is to anything, so a
 * higher floor would cut exactly the memories that make an answer personal. Small talk recalls nothing at all.
 * Not measured for OpenAI's model: no floor there unless configured.
 */
public record RelevanceFloor(double value) {
    private static final Map<String, Double> MEASURED = Map.of(
            EmbeddingModels.BGE_SMALL, 0.50,
            EmbeddingModels.MINILM, 0.20);

    public RelevanceFloor {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException("assistant.memory.relevance-floor: need 0 <= floor < 1, got " + value);
        }
    }

    /** The measured floor of the model, or the configured one when given. */
    public static RelevanceFloor of(String model, Double configured) {
        return new RelevanceFloor(configured != null ? configured : MEASURED.getOrDefault(model, 0.0));
    }
}
