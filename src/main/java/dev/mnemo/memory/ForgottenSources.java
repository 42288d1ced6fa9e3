package dev.mnemo.memory;

import dev.mnemo.system.NeverStored;
import java.util.List;

/**
 * Published synchronously inside the transaction that deletes memories a person asked to forget: the
 * messages they came from, and replies that quoted them, must not bring them back, so the conversation
 * redacts them in the same transaction or the deletion does not happen. It carries the forgotten texts, so
 * only plain {@code @EventListener}s may take it: the event registry refuses to store it. Listeners that
 * run after commit take {@link MemoryChanged.MemoriesForgotten}.
 */
@NeverStored
public record ForgottenSources(String userId, List<String> sourceMessageIds, List<String> texts) {
}
