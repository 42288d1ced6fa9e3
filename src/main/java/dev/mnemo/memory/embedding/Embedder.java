package dev.mnemo.memory.embedding;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.TokenUsage;
import dev.mnemo.system.Hashes;
import dev.mnemo.system.SharedCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns text into unit-length vectors with one embedding model, through a cache keyed by model and the
 * text's SHA-256 (so repeated texts cost nothing, and a forgotten text's entry can be evicted). An in-process
 * model is loaded on a background thread once {@link #loadInBackground} is called (right after the application is
 * ready) or by the first embedding, whichever comes first; that embedding waits for it. Closing it closes the model.
 */
public class Embedder implements AutoCloseable {
    private static final Duration CACHE_TTL = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(Embedder.class);

    private final String modelId;
    private final int dimension;
    private final Supplier<EmbeddingModel> loader;
    private final SharedCache cache;
    private final IntConsumer tokensUsed;
    private final ReentrantReadWriteLock using = new ReentrantReadWriteLock();
    private final AtomicReference<CompletableFuture<EmbeddingModel>> model = new AtomicReference<>();
    private volatile boolean closed;

    public Embedder(String modelId, EmbeddingModel model, SharedCache cache) {
        this(modelId, model, cache, tokens -> {
        });
    }

    /** @param tokensUsed told the tokens of every call that reached the model (to price paid models) */
    public Embedder(String modelId, EmbeddingModel model, SharedCache cache, IntConsumer tokensUsed) {
        this(modelId, 0, () -> model, cache, tokensUsed);
        this.model.set(CompletableFuture.completedFuture(model));
    }

    /**
     * A model loaded when first needed or asked for ({@link #loadInBackground}).
     *
     * @param dimension its vectors' length, known without loading it (0: ask the model)
     */
    Embedder(String modelId, int dimension, Supplier<EmbeddingModel> loader, SharedCache cache, IntConsumer tokensUsed) {
        this.modelId = modelId;
        this.dimension = dimension;
        this.loader = loader;
        this.cache = cache;
        this.tokensUsed = tokensUsed;
    }

    /** Starts loading the model on a background thread, unless it is loading or loaded already. */
    public void loadInBackground() {
        loading();
    }

    private CompletableFuture<EmbeddingModel> loading() {
        CompletableFuture<EmbeddingModel> current = model.get();
        if (current != null) {
            return current;
        }
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the embedding model " + modelId + " is closed"));
        }
        CompletableFuture<EmbeddingModel> started = new CompletableFuture<>();
        if (!model.compareAndSet(null, started)) {
            return model.get();
        }
        Thread.ofPlatform().daemon().name("embedding-model-load").start(() -> {
            try {
                started.complete(loader.get()); // closed meanwhile: close() waits for it and frees it
            } catch (RuntimeException | Error e) {
                if (closed || stopping(e)) {
                    log.info("Stopped before the embedding model {} was loaded", modelId);
                } else {
                    log.error("The embedding model {} could not be loaded: memories cannot be stored or recalled", modelId, e);
                }
                started.completeExceptionally(e);
            }
        });
        return started;
    }

    /** The JVM began to stop while the model loaded: ONNX Runtime can no longer register its own shutdown hook. */
    private static boolean stopping(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && "Shutdown in progress".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the model is loaded, loading (or not asked for yet), or failed to load. */
    public State state() {
        CompletableFuture<EmbeddingModel> current = model.get();
        return current == null || !current.isDone() ? State.LOADING
                : current.isCompletedExceptionally() ? State.FAILED : State.LOADED;
    }

    /** Where the model's load is. */
    public enum State { LOADING, LOADED, FAILED }

    /** The model, waiting for its load when it is under way. A model that failed to load fails every call loudly. */
    private EmbeddingModel model() {
        try {
            return loading().join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the embedding model " + modelId + " could not be loaded", e.getCause());
        }
    }

    /**
     * Waits for the embeddings under way, refuses new ones, and frees the model's threads and native memory when
     * it holds any (in-process models do).
     */
    @Override
    public void close() throws Exception {
        using.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            CompletableFuture<EmbeddingModel> loaded = model.get();
            if (loaded != null && loaded.handle((m, e) -> m).join() instanceof AutoCloseable closeable) {
                closeable.close();
            }
        } finally {
            using.writeLock().unlock();
        }
    }

    /** Runs a call of the model, never during or after {@link #close}. */
    private <T> T call(Supplier<T> work) {
        using.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the embedding model " + modelId + " is closed");
            }
            return work.get();
        } finally {
            using.readLock().unlock();
        }
    }

    public String modelId() {
        return modelId;
    }

    public int dimension() {
        return dimension > 0 ? dimension : model().dimension();
    }

    /** A stored text's vector. */
    public float[] embed(String text) {
        return cached(text);
    }

    /**
     * A search query's vector. BGE suggests an instruction before queries; on LoCoMo it changed recall@10 by
     * under one point either way and made each query embedding slower, so queries are embedded as they are.
     */
    public float[] embedQuery(String query) {
        return cached(query);
    }

    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Optional<float[]> hit = cache.get(key(texts.get(i))).map(Vectors::fromBytes);
            vectors.add(hit.orElse(null));
            if (hit.isEmpty()) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            List<TextSegment> segments = missing.stream().map(i -> TextSegment.from(texts.get(i))).toList();
            var response = call(() -> model().embedAll(segments));
            count(response.tokenUsage());
            var embeddings = response.content();
            for (int j = 0; j < missing.size(); j++) {
                float[] vector = normalised(embeddings.get(j).vector());
                vectors.set(missing.get(j), vector);
                cache.put(key(texts.get(missing.get(j))), Vectors.toBytes(vector), CACHE_TTL);
            }
        }
        return vectors;
    }

    /** Drops the cached vector of a text (when its memory is forgotten). */
    public void evict(String text) {
        cache.evict(key(text));
    }

    private float[] cached(String text) {
        String key = key(text);
        Optional<byte[]> hit = cache.get(key);
        if (hit.isPresent()) {
            return Vectors.fromBytes(hit.get());
        }
        var response = call(() -> model().embed(text));
        count(response.tokenUsage());
        float[] vector = normalised(response.content().vector());
        cache.put(key, Vectors.toBytes(vector), CACHE_TTL);
        return vector;
    }

    private void count(TokenUsage usage) {
        if (usage != null && usage.inputTokenCount() != null) {
            tokensUsed.accept(usage.inputTokenCount());
        }
    }

    private String key(String text) {
        return "emb:" + modelId + ":" + Hashes.sha256Hex(text);
    }

    static float[] normalised(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        float norm = (float) Math.sqrt(sum);
        if (norm == 0) {
            return vector.clone();
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] / norm;
        }
        return unit;
    }

}
