package dev.mnemo.cost;

/** Tokens one model call consumed, as the provider reported them. Cache tokens are those on top of {@code input}. */
public record TokenUsage(long input, long output, long cacheRead, long cacheWrite) {
    public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0);

    public TokenUsage {
        if (input < 0 || output < 0 || cacheRead < 0 || cacheWrite < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }
}
