package dev.mnemo.memory;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A past-tense fact about a person's memories, published after the change committed through Spring
 * Modulith's event publication registry: a listener ({@code @ApplicationModuleListener}) that fails is
 * called again once it has been abandoned for five minutes (after a crash or a restart too). Events name memories by id and never carry their text, so a forgotten
 * memory's words are not kept in the registry; a listener reads what it needs through {@link MemoryControl}.
 */
public sealed interface MemoryChanged {
    String userId();

    /** When the change committed (the person's memories' clock). */
    Instant at();

    /** The memories this change concerns. */
    List<String> memoryIds();

    /** A new memory. */
    record MemoryAdded(String userId, String memoryId, Instant at) implements MemoryChanged {
        @Override
        public List<String> memoryIds() {
            return List.of(memoryId);
        }
    }

    /** The person repeated what a memory says; {@code reworded} when the richer wording replaced it. */
    record MemoryMerged(String userId, String memoryId, List<String> absorbedIds, boolean reworded, Instant at)
            implements MemoryChanged {
        @Override
        public List<String> memoryIds() {
            return concat(memoryId, absorbedIds);
        }
    }

    /** A memory now says something else; what it said before is its latest version. */
    record MemoryCorrected(String userId, String memoryId, Instant at) implements MemoryChanged {
        @Override
        public List<String> memoryIds() {
            return List.of(memoryId);
        }
    }

    /** The person edited a memory. */
    record MemoryEdited(String userId, String memoryId, Instant at) implements MemoryChanged {
        @Override
        public List<String> memoryIds() {
            return List.of(memoryId);
        }
    }

    /** Sleep folded related episodes into one general memory; the absorbed ones are gone. */
    record MemorySummarised(String userId, String memoryId, List<String> absorbedIds, Instant at)
            implements MemoryChanged {
        @Override
        public List<String> memoryIds() {
            return concat(memoryId, absorbedIds);
        }
    }

    /** Sleep set weak, unimportant memories aside (restorable until purged). */
    record MemoryPruned(String userId, List<String> memoryIds, Instant at) implements MemoryChanged {
    }

    /** A pruned memory is back. */
    record MemoryRestored(String userId, String memoryId, Instant at) implements MemoryChanged {
        @Override
        public List<String> memoryIds() {
            return List.of(memoryId);
        }
    }

    /** The person deleted memories: they are gone everywhere, and their sources are redacted. */
    record MemoriesForgotten(String userId, List<String> memoryIds, Instant at) implements MemoryChanged {
    }

    /** Pruned memories whose grace period ended were deleted for good. */
    record MemoriesPurged(String userId, List<String> memoryIds, Instant at) implements MemoryChanged {
    }

    private static List<String> concat(String first, List<String> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }
}
