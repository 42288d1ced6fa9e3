package dev.mnemo.memory.read;

/**
 * The re-ranking of candidates, after the Generative Agents paper (Park et al., 2023), which scores a memory
 * as {@code α·recency + β·importance + γ·relevance} with each term in [0, 1]:
 * <pre>
 *   score = W_RELEVANCE · relevance + W_IMPORTANCE · (importance − 1) / 9 + W_RECENCY · strength
 * </pre>
 * <ul>
 *   <li>relevance: the weighted fusion of the normalised cosine and BM25 scores ({@link #fused}), min-max
 *       normalised over the candidates (the paper uses cosine alone, min-max normalised), plus {@link #W_WINDOW}
 *       for a memory said in the time the query names;</li>
 *   <li>importance: the judge's 1–10, scaled to [0, 1] (the paper's 1–10 poignancy rating);</li>
 *   <li>recency: the memory's strength, which already decays exponentially with time since its last use and
 *       is reinforced by use (the paper decays 0.995 per hour since last retrieval). Using strength rather
 *       than raw age makes a memory the person keeps coming back to stay near the top.</li>
 * </ul>
 * Weights: relevance dominates (1.0) because a wrong-topic memory in the prompt is worse than a less
 * important on-topic one; importance and recency (0.05 each) only break ties among comparably relevant
 * candidates. Measured on LoCoMo (BENCHMARKS.md): at 0.15 each they cost 2 points of recall@10, at 0.05
 * they cost nothing there, where every turn is equally important and old sessions are asked about as
 * often as new ones — unlike a person's assistant, where recent and important things matter more.
 */
public final class Ranker {
    static final double W_RELEVANCE = 1.0;
    static final double W_IMPORTANCE = 0.05;
    static final double W_RECENCY = 0.05;
    /** The share of the cosine in the weighted fusion; the keyword score has the rest. Tuned on LoCoMo. */
    static final double W_COSINE = 0.5;
    /** Added to the relevance of a memory said in the time the query names. Tuned on LoCoMo. */
    static final double W_WINDOW = 0.2;
    /** Reciprocal rank fusion constant (Cormack et al., 2009): damps the gap between the top ranks. */
    static final int RRF_K = 60;

    private Ranker() {
    }

    static double rrf(int rank) {
        return 1.0 / (RRF_K + rank + 1);
    }

    /** Normalised cosine and BM25 scores, each in [0, 1], weighted into one relevance. */
    static double fused(double cosine, double keyword, double cosineWeight) {
        return cosineWeight * cosine + (1 - cosineWeight) * keyword;
    }

    /** The most re-ranking can add to a relevance. */
    static final double MAX_RERANK_BONUS = W_IMPORTANCE + W_RECENCY;

    static double score(double normalisedRelevance, int importance, double strength) {
        return W_RELEVANCE * normalisedRelevance
                + W_IMPORTANCE * (Math.max(1, Math.min(10, importance)) - 1) / 9.0
                + W_RECENCY * Math.max(0, Math.min(1, strength));
    }
}
