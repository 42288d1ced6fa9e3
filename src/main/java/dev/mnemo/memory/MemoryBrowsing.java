package dev.mnemo.memory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Looking through a person's memories a page at a time (the web app): filtered and sorted in the database, never
 * loaded whole; where each memory came from; what sleep did. Only ever the given person's rows.
 */
public interface MemoryBrowsing {
    int MAX_PAGE = 100;

    /** How a page is sorted. {@code STRONGEST} uses the strength as of the memory's last use or sleep. */
    enum Sort { NEWEST, STRONGEST, IMPORTANT }

    /**
     * @param pruned  the pruned memories still restorable instead of the active ones
     * @param tag     an exact tag (lower case), or null
     * @param person  a name in the memory's tags or text (any case), or null
     * @param offset  memories skipped, 0 or more
     * @param limit   1 to {@link #MAX_PAGE}
     */
    record Query(boolean pruned, Optional<MemoryKind> kind, String tag, String person, Sort sort, int offset, int limit) {
        public Query {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(sort, "sort");
            if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
                throw new IllegalArgumentException("offset must be 0 or more and limit 1 to " + MAX_PAGE);
            }
        }
    }

    /** One page, and whether another follows. */
    record Page(List<Memory> memories, int offset, boolean more) {
    }

    Page page(String userId, Query query);

    /** A message a memory came from. */
    record Source(String messageId, String channel, String text, Instant at) {
    }

    /** The messages the person's memory came from, oldest first (forgotten ones read as such). */
    List<Source> sources(String userId, String memoryId);

    /** The person's last sleep runs, newest first. */
    List<SleepCompleted> sleeps(String userId, int limit);
}
