package dev.mnemo.llm;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Model names per tier (optionally {@code anthropic:NAME} or {@code openai:NAME}; a bare {@code claude-…} name is
 * Anthropic's, any other bare name is served by the OpenAI-compatible endpoint), and how hard to try them.
 * {@code promptCaching} marks the stable prompt prefix for Anthropic's prompt cache ({@code ASSISTANT_PROMPT_CACHING}).
 */
@ConfigurationProperties("assistant.models")
record ModelProperties(String cheap, String smart, String judge, int maxOutputTokens, Duration timeout, Retry retry,
                       CircuitBreaker circuitBreaker, boolean promptCaching) {

    record Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    }

    record CircuitBreaker(float failureRateThreshold, int minimumCalls, Duration openFor) {
    }

    ModelProperties {
        if (cheap == null || cheap.isBlank()) {
            throw new IllegalArgumentException("ASSISTANT_MODEL_CHEAP must name a model");
        }
        smart = smart == null || smart.isBlank() ? cheap : smart;
        judge = judge == null || judge.isBlank() ? cheap : judge;
        if (retry.maxAttempts() < 1) {
            throw new IllegalArgumentException("ASSISTANT_MODEL_RETRY_ATTEMPTS must be at least 1");
        }
    }

    String name(ModelTier tier) {
        return switch (tier) {
            case CHEAP -> cheap;
            case SMART -> smart;
            case JUDGE -> judge;
        };
    }
}
