package dev.mnemo.memory;

import java.time.ZoneId;
import java.util.List;

/**
 * The read path. Only ever returns the given user's memories.
 */
public interface MemoryRecall {

    /**
     * The memories most worth putting in a prompt about {@code query}: relevance (vectors and keywords,
     * fused) re-ranked with importance and recency. Recalling reinforces: access time, count and strength
     * are updated. Times in the query ("last weekend", "in March") are read in {@code zone}, the person's.
     */
    List<RecalledMemory> recall(String userId, String query, ZoneId zone, int limit);

    /** A person's own search: only memories that match (a keyword, or a close vector), without reinforcing. */
    List<Memory> search(String userId, String query, int limit);

    /** The person's active memories, most recently updated first. */
    List<Memory> list(String userId, int limit);
}
