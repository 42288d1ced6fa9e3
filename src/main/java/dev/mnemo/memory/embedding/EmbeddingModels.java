package dev.mnemo.memory.embedding;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.mnemo.system.SharedCache;
import java.util.List;
import java.util.Locale;

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
        String key = id.strip().toLowerCase(Locale.ROOT);
        return switch (key) {
            case BGE_SMALL -> new Embedder(BGE_SMALL, new BgeSmallEnV15QuantizedEmbeddingModel(), cache);
            case MINILM -> new Embedder(MINILM, new AllMiniLmL6V2QuantizedEmbeddingModel(), cache);
            case OPENAI_SMALL -> {
                if (openAiKey == null || openAiKey.isBlank()) {
                    throw new IllegalStateException("ASSISTANT_EMBEDDING_MODEL=" + OPENAI_SMALL + " needs OPENAI_API_KEY");
                }
                OpenAiEmbeddingModel.OpenAiEmbeddingModelBuilder builder = OpenAiEmbeddingModel.builder()
                        .apiKey(openAiKey).modelName("text-embedding-3-small").maxRetries(2);
                if (openAiBaseUrl != null && !openAiBaseUrl.isBlank()) {
                    builder.baseUrl(openAiBaseUrl);
                }
                yield new Embedder(OPENAI_SMALL, builder.build(), cache);
            }
            default -> throw new IllegalStateException("ASSISTANT_EMBEDDING_MODEL '" + id + "' is not one of "
                    + BGE_SMALL + ", " + MINILM + ", " + OPENAI_SMALL);
        };
    }
}
