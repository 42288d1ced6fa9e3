package dev.mnemo.memory.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mnemo.testing.MapCache;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the memory needs from every embedding model, through {@link Embedder}: unit vectors of the model's
 * dimension, the same vector for the same text (from the cache), a batch equal to its texts one by one, and a
 * forgotten text's vector gone from the cache. Layered as LangChain4j layers its embedding-store tests: models
 * that run here add {@link SemanticEmbeddingModelContract}'s meaning checks.
 */
abstract class EmbeddingModelContract {
    static final String SISTER = "My sister is Ana";
    static final String PORTO = "I live in Porto";

    protected MapCache cache;
    protected Embedder embedder;

    /** The model under test, caching in {@code cache}. */
    protected abstract Embedder create(MapCache cache);

    @BeforeEach
    void createEmbedder() {
        cache = new MapCache();
        embedder = create(cache);
    }

    @AfterEach
    void closeEmbedder() throws Exception {
        embedder.close();
    }

    @Test
    void vectorsAreUnitLengthOfTheModelsDimension() {
        float[] vector = embedder.embed(SISTER);

        assertThat(vector).hasSize(embedder.dimension());
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void theSameTextGivesTheSameVectorFromTheCache() {
        float[] first = embedder.embed(SISTER);
        assertThat(cache.size()).isEqualTo(1);

        assertThat(embedder.embed(SISTER)).containsExactly(first);
        assertThat(embedder.embedQuery(SISTER)).containsExactly(first);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aBatchGivesWhatItsTextsGiveOneByOne() throws Exception {
        List<float[]> batch = embedder.embedAll(List.of(SISTER, PORTO));

        try (Embedder fresh = create(new MapCache())) {
            assertThat(batch).hasSize(2);
            assertThat(batch.get(0)).containsExactly(fresh.embed(SISTER), within(1e-5f));
            assertThat(batch.get(1)).containsExactly(fresh.embed(PORTO), within(1e-5f));
            assertThat(batch.get(0)).isNotEqualTo(batch.get(1));
        }
    }

    @Test
    void aForgottenTextsVectorLeavesTheCache() {
        embedder.embed(SISTER);
        embedder.embed(PORTO);

        embedder.evict(SISTER);

        assertThat(cache.size()).isEqualTo(1);
    }

    /** A model that runs in this process: its vectors carry meaning, and closing it frees it. */
    abstract static class SemanticEmbeddingModelContract extends EmbeddingModelContract {

        @Test
        void aRelatedQuestionIsCloserThanAnUnrelatedStatement() {
            float[] fact = embedder.embed("My sister Ana lives in Porto");
            double related = cosine(fact, embedder.embedQuery("Where does my sister live?"));
            double unrelated = cosine(fact, embedder.embedQuery("I bought a new bicycle yesterday"));

            assertThat(related).isGreaterThan(unrelated + 0.1);
        }

        @Test
        void afterCloseTheModelNoLongerEmbeds() throws Exception {
            embedder.embed(SISTER);
            embedder.close();

            assertThat(embedder.embed(SISTER)).hasSize(embedder.dimension()); // still served from the cache
            assertThatThrownBy(() -> embedder.embed("a text never embedded"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            embedder = create(new MapCache()); // for the @AfterEach
        }

        private static double cosine(float[] a, float[] b) {
            double dot = 0;
            for (int i = 0; i < a.length; i++) {
                dot += a[i] * b[i];
            }
            return dot; // both unit length
        }
    }
}
