package dev.mnemo.memory.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.mnemo.testing.MapCache;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The embedding model is loaded once, in the background or by the first embedding, which then waits for it. */
class EmbedderLoadingTest {
    /** Two dimensions: the text's length and 1. */
    private static final EmbeddingModel LENGTHS = new EmbeddingModel() {
        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            return Response.from(segments.stream().map(s -> Embedding.from(new float[] {s.text().length(), 1})).toList());
        }

        @Override
        public int dimension() {
            return 2;
        }
    };

    @Test
    void theDimensionIsKnownWithoutLoadingAndTheModelLoadsOnceForManyEmbeddings() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Embedder embedder = new Embedder("test", 2, () -> {
            loads.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return LENGTHS;
        }, new MapCache(), tokens -> {
        });

        assertThat(embedder.dimension()).isEqualTo(2);
        assertThat(loads).hasValue(0);
        embedder.loadInBackground();
        CompletableFuture<float[]> waiting = CompletableFuture.supplyAsync(() -> embedder.embed("abc"));
        embedder.loadInBackground();
        assertThat(waiting).isNotDone();

        release.countDown();
        assertThat(waiting.get(10, TimeUnit.SECONDS)).hasSize(2);
        assertThat(embedder.embedAll(List.of("a", "bb"))).hasSize(2);
        assertThat(loads).hasValue(1);
        embedder.close();
    }

    @Test
    void aModelThatCannotLoadFailsEveryEmbeddingLoudly() throws Exception {
        Embedder embedder = new Embedder("broken", 2, () -> {
            throw new IllegalStateException("no model file");
        }, new MapCache(), tokens -> {
        });

        assertThatThrownBy(() -> embedder.embed("abc")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("broken could not be loaded").hasRootCauseMessage("no model file");
        assertThatThrownBy(() -> embedder.embedAll(List.of("a"))).hasMessageContaining("could not be loaded");
        assertThat(embedder.state()).isEqualTo(Embedder.State.FAILED);
        embedder.close();
    }

    @Test
    void closingWhileTheModelLoadsWaitsForItAndClosesIt() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger closed = new AtomicInteger();
        class Closeable extends DelegatingModel implements AutoCloseable {
            @Override
            public void close() {
                closed.incrementAndGet();
            }
        }
        Embedder embedder = new Embedder("test", 2, () -> {
            loading.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Closeable();
        }, new MapCache(), tokens -> {
        });
        embedder.loadInBackground();
        assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(embedder.state()).isEqualTo(Embedder.State.LOADING);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> {
            try {
                embedder.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(closing).isNotDone();
        release.countDown();
        closing.get(10, TimeUnit.SECONDS);

        assertThat(closed).hasValue(1);
        assertThatThrownBy(() -> embedder.embed("abc")).hasMessageContaining("closed");
    }

    /** The two-dimension model above, as a class that can also be closed. */
    private static class DelegatingModel implements EmbeddingModel {
        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            return LENGTHS.embedAll(segments);
        }

        @Override
        public int dimension() {
            return 2;
        }
    }
}
