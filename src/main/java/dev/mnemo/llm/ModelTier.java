package dev.mnemo.llm;

/** Which configured model a request asks for; the names behind the tiers are configuration. */
public enum ModelTier {
    /** {@code ASSISTANT_MODEL_CHEAP}: most replies, and everything once the budget is spent. */
    CHEAP,
    /** {@code ASSISTANT_MODEL_SMART}: complex replies; falls back to the cheap model when it keeps failing. */
    SMART,
    /** {@code ASSISTANT_MODEL_JUDGE} (the cheap model when unset): background scoring. */
    JUDGE
}
