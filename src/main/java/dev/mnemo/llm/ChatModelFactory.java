package dev.mnemo.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import org.springframework.stereotype.Component;

/**
 * Builds LangChain4j chat models. Their own retries are off ({@code maxRetries(0)}): retrying, the circuit
 * breaker and fallback live in {@link ResilientLanguageModels}, which sees every attempt.
 */
@Component
class ChatModelFactory {
    private static final String OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";
    /** OpenAI-compatible local servers ignore the key, but the client insists on one. */
    private static final String NO_KEY = "not-needed";

    private final ProviderProperties providers;
    private final ModelProperties models;

    ChatModelFactory(ProviderProperties providers, ModelProperties models) {
        this.providers = providers;
        this.models = models;
    }

    /** Retries are ours (ResilientLanguageModels); LangChain4j logs no request or response unless asked to. */
    ChatModel create(ModelSpec spec) {
        return switch (spec.provider()) {
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .httpClientBuilder(ProviderHttpClient.builder())
                    .baseUrl(anthropicBaseUrl(providers.anthropic().baseUrl()))
                    .apiKey(providers.anthropic().apiKey())
                    .modelName(spec.name())
                    .maxTokens(models.maxOutputTokens())
                    .timeout(models.timeout())
                    .maxRetries(0)
                    .build();
            case OPENAI -> OpenAiChatModel.builder()
                    .httpClientBuilder(ProviderHttpClient.builder())
                    .baseUrl(providers.openai().hasBaseUrl() ? providers.openai().baseUrl() : OPENAI_DEFAULT_BASE_URL)
                    .apiKey(providers.openai().hasKey() ? providers.openai().apiKey() : NO_KEY)
                    .modelName(spec.name())
                    .maxTokens(models.maxOutputTokens())
                    .timeout(models.timeout())
                    .maxRetries(0)
                    .build();
        };
    }

    /**
     * {@code ANTHROPIC_BASE_URL} follows Anthropic's SDKs ({@code https://api.anthropic.com}, no version);
     * LangChain4j wants the versioned root.
     */
    static String anthropicBaseUrl(String configured) {
        String base = configured == null || configured.isBlank() ? "https://api.anthropic.com" : configured.trim();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base.endsWith("/v1") ? base + "/" : base + "/v1/";
    }
}
