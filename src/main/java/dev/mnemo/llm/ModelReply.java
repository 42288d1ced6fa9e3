package dev.mnemo.llm;

import dev.mnemo.cost.TokenUsage;
import java.math.BigDecimal;

/**
 * A model's answer and what it cost.
 *
 * @param costUsd  null when the model has no price in the price table (unknown, not free)
 * @param fallback true when the requested tier's model failed and another one answered
 */
public record ModelReply(String text, String provider, String model, TokenUsage usage, BigDecimal costUsd,
                         boolean fallback) {
}
