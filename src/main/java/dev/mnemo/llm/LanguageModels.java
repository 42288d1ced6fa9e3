package dev.mnemo.llm;

import java.util.Optional;

/**
 * The configured chat models behind one call: retries with backoff (honouring {@code retry-after}), a circuit
 * breaker per model, the cheap model when the smart one keeps failing or the budget is spent, and a cost
 * ledger entry for every answer.
 */
public interface LanguageModels {

    /** False in offline mode: no provider key or base URL is configured. */
    boolean configured();

    /** The models in use, e.g. {@code anthropic:claude-haiku-4-5 (cheap), anthropic:claude-sonnet-4-5 (smart)}; empty offline. */
    Optional<String> inUse();

    /** @throws ModelUnavailableException when no model could answer (or none is configured) */
    ModelReply chat(ModelRequest request);
}
