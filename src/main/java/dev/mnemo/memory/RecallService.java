package dev.mnemo.memory;

import dev.mnemo.memory.embedding.RelevanceFloor;
import dev.mnemo.memory.read.CurrentFirst;
import dev.mnemo.memory.read.Retriever;
import dev.mnemo.memory.sleep.Activity;
import dev.mnemo.memory.store.Memories;
import dev.mnemo.memory.store.MemoryChanges;
import dev.mnemo.memory.store.StoredMemory;
import dev.mnemo.memory.write.Slots;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.springframework.stereotype.Service;

/** The read path: recall for prompts (reinforcing what it uses), a person's search, the recent list. */
@Service
class RecallService implements MemoryRecall {
    /** A search (or a /forget) matches a memory by keyword, or by a vector at least this close. */
    static final double SEARCH_SIMILARITY = 0.6;

    private final Retriever retriever;
    private final Memories memories;
    private final MemoryChanges changes;
    private final Activity activity;
    private final Executor access;
    private final RelevanceFloor floor;

    RecallService(Retriever retriever, Memories memories, MemoryChanges changes, Activity activity,
                  RelevanceFloor floor, MemoryProperties properties) {
        this.retriever = retriever;
        this.floor = floor;
        this.memories = memories;
        this.changes = changes;
        this.activity = activity;
        // Tests turn background work off and then expect it done when the call returns.
        this.access = properties.backgroundJobs() ? task -> Thread.ofVirtual().name("memory-access").start(task) : Runnable::run;
    }

    /**
     * Only memories above the relevance floor, none for small talk; the newer of two that conflict first. Reading never waits for a
     * write: the access is recorded right after, off the caller's thread.
     */
    @Override
    public List<RecalledMemory> recall(String userId, String query, ZoneId zone, int limit) {
        if (Slots.isSmallTalk(query)) {
            return List.of();
        }
        List<Retriever.Ranked> relevant = retriever.retrieve(userId, query, zone, limit, floor.value());
        List<CurrentFirst.Marked> ranked = CurrentFirst.order(relevant, retriever.similarities(userId));
        List<StoredMemory> used = ranked.stream().map(m -> m.ranked().memory()).toList();
        List<String> ids = used.stream().map(StoredMemory::id).toList();
        access.execute(() -> {
            try {
                changes.recordAccess(userId, ids);
            } finally {
                activity.touch(userId);
            }
        });
        List<Memory> found = memories.toMemories(used);
        List<RecalledMemory> recalled = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            Long replacedAt = ranked.get(i).replacedAt();
            recalled.add(new RecalledMemory(found.get(i), ranked.get(i).ranked().score(),
                    replacedAt == null ? null : Instant.ofEpochMilli(replacedAt)));
        }
        return recalled;
    }

    /** Only real matches: a person searching for "dentist" wants nothing rather than the five least unrelated. */
    @Override
    public List<Memory> search(String userId, String query, int limit) {
        return memories.toMemories(retriever.matching(userId, query, limit, SEARCH_SIMILARITY));
    }

    @Override
    public List<Memory> list(String userId, int limit) {
        return memories.toMemories(memories.recent(userId, limit));
    }
}
