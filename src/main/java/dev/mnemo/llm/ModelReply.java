package dev.mnemo.llm;

import dev.mnemo.cost.TokenUsage;
import java.math.BigDecimal;
import java.util.List;

/**
 * A model's answer and what it cost.
 *
 * @param text      the reply; may be empty when the model only asks for tools
 * @param costUsd   null when the model has no price in the price table (unknown, not free)
 * @param fallback  true when the requested tier's model failed and another one answered
 * @param toolCalls tools the model wants run before it answers; empty for a final answer
 */
public record ModelReply(String text, String provider, String model, TokenUsage usage, BigDecimal costUsd,
                         boolean fallback, List<ToolCall> toolCalls) {
    public ModelReply {
        toolCalls = List.copyOf(toolCalls);
    }

    public ModelReply(String text, String provider, String model, TokenUsage usage, BigDecimal costUsd,
                      boolean fallback) {
        this(text, provider, model, usage, costUsd, fallback, List.of());
    }

    public boolean wantsTools() {
        return !toolCalls.isEmpty();
    }
}
