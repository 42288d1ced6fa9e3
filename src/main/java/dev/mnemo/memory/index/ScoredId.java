package dev.mnemo.memory.index;

/** A memory id with a search score (cosine similarity, or BM25). */
public record ScoredId(String id, double score) {
}
