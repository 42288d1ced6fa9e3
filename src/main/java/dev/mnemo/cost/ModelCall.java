package dev.mnemo.cost;

import java.time.Duration;

/**
 * One successful model call, to be priced and recorded.
 *
 * @param purpose   what the call was for: a reply's route ({@code SIMPLE}, {@code COMPLEX}, {@code TOOL}) or a
 *                  background task ({@code ROUTER}, {@code JUDGE}, …); costs are reported by it
 * @param messageId the message the call served, or null for background work
 */
public record ModelCall(String userId, String messageId, String purpose, String provider, String model,
                        TokenUsage usage, Duration latency) {
}
