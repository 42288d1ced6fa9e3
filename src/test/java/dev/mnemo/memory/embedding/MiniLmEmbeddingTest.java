package dev.mnemo.memory.embedding;

import dev.mnemo.testing.MapCache;

/** The smaller alternative, all-MiniLM-L6-v2 (quantised, in process). */
class MiniLmEmbeddingTest extends EmbeddingModelContract.SemanticEmbeddingModelContract {
    @Override
    protected Embedder create(MapCache cache) {
        return EmbeddingModels.create(EmbeddingModels.MINILM, cache, null, null);
    }
}
