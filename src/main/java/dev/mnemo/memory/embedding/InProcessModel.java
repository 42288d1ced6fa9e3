package dev.mnemo.memory.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An ONNX model from its Maven Central jar (LangChain4j's bge-small / MiniLM artifacts), run with one thread
 * per embedding. ONNX Runtime's default spreads even a ten-token query over every core; on a small machine
 * that makes a query wait whenever anything else runs, which is what the read path's tail was made of.
 * Batches still use every core: texts are embedded in parallel, one thread each.
 */
final class InProcessModel extends AbstractInProcessEmbeddingModel implements AutoCloseable {
    private final OnnxBertBiEncoder encoder;
    private final int dimension;
    private final ExecutorService threads;
    private final OrtSession session;
    private final OrtSession.SessionOptions options;

    private InProcessModel(OnnxBertBiEncoder encoder, int dimension, ExecutorService threads, OrtSession session,
                           OrtSession.SessionOptions options) {
        super(threads);
        this.encoder = encoder;
        this.dimension = dimension;
        this.threads = threads;
        this.session = session;
        this.options = options;
    }

    /**
     * Lets running embeddings finish, then frees the native session (its memory is outside the Java heap).
     * {@link Embedder} stops new calls first: a session closed under a running one would be used after free.
     */
    @Override
    public void close() throws OrtException, InterruptedException {
        threads.shutdown();
        if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
            return; // still running after 10 s: leaving the session to the process's exit is safer than freeing it
        }
        try {
            session.close();
        } finally {
            options.close();
        }
    }

    static InProcessModel load(String onnxResource, String tokenizerResource, PoolingMode pooling, int dimension) {
        ClassLoader loader = InProcessModel.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream(onnxResource);
             InputStream tokenizer = loader.getResourceAsStream(tokenizerResource)) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException("embedding model resources " + onnxResource + " / " + tokenizerResource
                        + " are not on the classpath");
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            // An idle assistant should stay small: no pre-allocated arena, no cached memory plans.
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            // From a file, not a byte[]: 34 MB through the Java heap would stay committed long after the load.
            Path file = Files.createTempFile("mnemo-embedding-", ".onnx");
            file.toFile().deleteOnExit(); // should the process end while it loads
            OrtSession session;
            try {
                Files.copy(model, file, StandardCopyOption.REPLACE_EXISTING);
                session = environment.createSession(file.toString(), options);
            } finally {
                Files.deleteIfExists(file);
            }
            ExecutorService threads = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
                Thread thread = new Thread(runnable, "embedding");
                thread.setDaemon(true);
                return thread;
            });
            try {
                return new InProcessModel(new OnnxBertBiEncoder(environment, session, tokenizer, pooling), dimension,
                        threads, session, options);
            } catch (RuntimeException e) {
                threads.shutdown();
                session.close();
                options.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model " + onnxResource, e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return dimension;
    }
}
