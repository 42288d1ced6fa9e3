package dev.mnemo.memory;

import java.util.List;

/**
 * Published, inside the deleting transaction, when a person deleted memories: the messages they came from,
 * and replies that quoted them, must not bring them back (the conversation redacts them).
 *
 * @param texts the forgotten texts, to find where Mnemo quoted them
 */
public record MemoriesForgotten(String userId, List<String> memoryIds, List<String> sourceMessageIds,
                                List<String> texts) {
}
