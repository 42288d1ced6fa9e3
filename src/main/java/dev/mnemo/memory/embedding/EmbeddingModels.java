package dev.mnemo.memory.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.mnemo.system.SharedCache;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The embedding models Mnemo knows: two small ONNX models that run in process (shipped inside their Maven
 * Central jars: nothing is downloaded at run time) and OpenAI's {@code text-embedding-3-small}.
 */
public final class EmbeddingModels {
    public static final String BGE_SMALL = "bge-small-en-v1.5";
    public static final String MINILM = "all-minilm-l6-v2";
    public static final String OPENAI_SMALL = "openai:text-embedding-3-small";
    public static final List<String> IN_PROCESS = List.of(BGE_SMALL, MINILM);

    private EmbeddingModels() {
    }

    /**
     * @param openAiKey     needed for the OpenAI model only
     * @param openAiBaseUrl optional
     */
    public static Embedder create(String id, SharedCache cache, String openAiKey, String openAiBaseUrl) {
        return create(id, cache, openAiKey, openAiBaseUrl, tokens -> {
        });
    }

    /** @param paidTokens told the tokens of each call to a paid (OpenAI) model */
    public static Embedder create(String id, SharedCache cache, String openAiKey, String openAiBaseUrl,
                                  IntConsumer paidTokens) {
        String key = id.strip().toLowerCase(Locale.ROOT);
        return switch (key) {
            case BGE_SMALL -> new Embedder(BGE_SMALL, 384, () -> InProcessModel.load(
                    "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json", PoolingMode.CLS, 384), cache, tokens -> {
            });
            case MINILM -> new Embedder(MINILM, 384, () -> InProcessModel.load(
                    "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN, 384), cache, tokens -> {
            });
            case OPENAI_SMALL -> {
                if (openAiKey == null || openAiKey.isBlank()) {
                    throw new IllegalStateException("ASSISTANT_EMBEDDING_MODEL=" + OPENAI_SMALL + " needs OPENAI_API_KEY");
                }
                OpenAiEmbeddingModel.OpenAiEmbeddingModelBuilder builder = OpenAiEmbeddingModel.builder()
                        .apiKey(openAiKey).modelName("text-embedding-3-small").maxRetries(2);
                if (openAiBaseUrl != null && !openAiBaseUrl.isBlank()) {
                    builder.baseUrl(openAiBaseUrl);
                }
                yield new Embedder(OPENAI_SMALL, builder.build(), cache, paidTokens);
            }
            default -> throw new IllegalStateException("ASSISTANT_EMBEDDING_MODEL '" + id + "' is not one of "
                    + BGE_SMALL + ", " + MINILM + ", " + OPENAI_SMALL);
        };
    }
}
