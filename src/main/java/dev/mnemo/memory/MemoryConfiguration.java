package dev.mnemo.memory;

import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.embedding.EmbeddingModels;
import dev.mnemo.memory.embedding.Thresholds;
import dev.mnemo.system.SharedCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MemoryConfiguration {

    @Bean
    Embedder embedder(MemoryProperties properties, SharedCache cache,
                      @Value("${assistant.providers.openai.api-key:}") String openAiKey,
                      @Value("${assistant.providers.openai.base-url:}") String openAiBaseUrl) {
        // DJL (the tokenizer's library) sends usage tracking only for model-zoo downloads, which Mnemo never
        // makes; opt out anyway, so no library telemetry is on by default.
        System.setProperty("OPT_OUT_TRACKING", "true");
        return EmbeddingModels.create(properties.embeddingModel(), cache, openAiKey, openAiBaseUrl);
    }

    @Bean
    Thresholds similarityThresholds(Embedder embedder, MemoryProperties properties) {
        return Thresholds.of(embedder.modelId(), properties.mergeThreshold(), properties.relatedThreshold());
    }
}
