package dev.mnemo.memory;

import java.time.Instant;
import java.util.List;

/**
 * One thing Mnemo remembers about a person.
 *
 * @param importance 1 (trivia) to 10 (life-defining), from the judge
 * @param strength   how alive the memory is now, 0..1: decays with time, grows when the memory is used
 * @param tags       topics and people, lower case
 * @param sources    ids of the messages it came from
 */
public record Memory(String id, String userId, String text, MemoryKind kind, int importance, List<String> tags,
                     Instant createdAt, Instant updatedAt, Instant lastAccessedAt, int accessCount, double strength,
                     List<String> sources) {
}
