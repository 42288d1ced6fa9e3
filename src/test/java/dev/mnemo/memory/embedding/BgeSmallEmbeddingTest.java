package dev.mnemo.memory.embedding;

import dev.mnemo.testing.MapCache;

/** The default model, bge-small-en-v1.5 (quantised, in process). */
class BgeSmallEmbeddingTest extends EmbeddingModelContract.SemanticEmbeddingModelContract {
    @Override
    protected Embedder create(MapCache cache) {
        return EmbeddingModels.create(EmbeddingModels.BGE_SMALL, cache, null, null);
    }
}
