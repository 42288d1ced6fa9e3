package dev.mnemo.memory;

import java.util.List;

/**
 * Published when a person deleted memories: the messages they came from must not bring them back (the
 * conversation redacts them).
 */
public record MemoriesForgotten(String userId, List<String> memoryIds, List<String> sourceMessageIds) {
}
