package dev.mnemo.memory;

import dev.mnemo.cost.CostLedger;
import dev.mnemo.cost.ModelCall;
import dev.mnemo.cost.TokenUsage;
import dev.mnemo.memory.embedding.Embedder;
import java.time.Duration;
import dev.mnemo.memory.embedding.EmbeddingModels;
import dev.mnemo.memory.embedding.RelevanceFloor;
import dev.mnemo.memory.embedding.Thresholds;
import dev.mnemo.system.SharedCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MemoryConfiguration {

    /**
     * Paid embeddings are priced in the ledger under this pseudo-user: an embedding serves the store, not
     * one message, so it is not charged to a person's budget.
     */
    static final String EMBEDDINGS_ACCOUNT = "_embeddings";

    @Bean
    Embedder embedder(MemoryProperties properties, SharedCache cache, CostLedger ledger,
                      @Value("${assistant.providers.openai.api-key}") String openAiKey,
                      @Value("${assistant.providers.openai.base-url}") String openAiBaseUrl) {
        // DJL (the tokenizer's library) sends usage tracking only for model-zoo downloads, which Mnemo never
        // makes; opt out anyway, so no library telemetry is on by default.
        System.setProperty("OPT_OUT_TRACKING", "true");
        return EmbeddingModels.create(properties.embeddingModel(), cache, openAiKey, openAiBaseUrl,
                tokens -> ledger.record(new ModelCall(EMBEDDINGS_ACCOUNT, null, "EMBEDDING", "openai",
                        "text-embedding-3-small", new TokenUsage(tokens, 0, 0, 0), Duration.ZERO)));
    }

    @Bean
    RelevanceFloor relevanceFloor(Embedder embedder, MemoryProperties properties) {
        return RelevanceFloor.of(embedder.modelId(), properties.relevanceFloor());
    }

    @Bean
    Thresholds similarityThresholds(Embedder embedder, MemoryProperties properties) {
        return Thresholds.of(embedder.modelId(), properties.mergeThreshold(), properties.relatedThreshold());
    }
}
