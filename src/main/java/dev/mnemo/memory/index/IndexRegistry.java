package dev.mnemo.memory.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.store.CommittedChange;
import dev.mnemo.memory.store.Generations;
import dev.mnemo.memory.store.Memories;
import dev.mnemo.memory.store.MemoryVectors;
import dev.mnemo.memory.store.SearchKey;
import dev.mnemo.memory.store.StoredMemory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * The in-memory search indexes of recently active users. An index is reloaded from the database when the
 * user's generation there differs from the one it was built at — so another instance's write (or a write
 * that failed half-way here) is never missed — and updated in place by this instance's own writes.
 */
@Component
public class IndexRegistry implements CommittedChange.Follower {
    private final Memories memories;
    private final MemoryVectors vectors;
    private final Generations generations;
    private final Embedder embedder;
    /** Dropped indexes are not closed: a search may still be reading one; they hold only heap memory. */
    private final Cache<String, UserIndex> indexes = Caffeine.newBuilder()
            .maximumSize(200)
            .expireAfterAccess(Duration.ofHours(2))
            .build();

    public IndexRegistry(Memories memories, MemoryVectors vectors, Generations generations, Embedder embedder) {
        this.memories = memories;
        this.vectors = vectors;
        this.generations = generations;
        this.embedder = embedder;
    }

    /** The user's index, current with the database. */
    public UserIndex get(String userId) {
        long generation = generations.current(userId);
        UserIndex index = indexes.getIfPresent(userId);
        if (index != null && index.generation() == generation) {
            return index;
        }
        // A lock, not synchronized: loading does JDBC, which must not pin a virtual thread's carrier.
        ReentrantLock lock = locks.get(userId, u -> new ReentrantLock());
        lock.lock();
        try {
            index = indexes.getIfPresent(userId);
            generation = generations.current(userId);
            if (index == null || index.generation() != generation) {
                index = load(userId, generation);
                indexes.put(userId, index);
            }
            return index;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Applies a committed change of this instance. When its generation directly follows the index's, nothing
     * else happened in between and the index is patched; otherwise it is dropped and reloaded on next use.
     */
    @Override
    public void committed(CommittedChange change) {
        UserIndex index = indexes.getIfPresent(change.userId());
        if (index == null) {
            return;
        }
        if (!change.reload() && index.generation() == change.generation() - 1 && index.model().equals(embedder.modelId())) {
            index.apply(change.upserts(), change.vectors(), change.removals(), change.generation());
        } else {
            indexes.invalidate(change.userId());
        }
    }

    private UserIndex load(String userId, long generation) {
        Map<String, SearchKey> texts = new LinkedHashMap<>();
        for (StoredMemory m : memories.active(userId)) {
            texts.put(m.id(), m.searchKey());
        }
        return new UserIndex(embedder.modelId(), embedder.dimension(), generation, texts,
                vectors.of(userId, embedder.modelId()));
    }

    /** Weakly held: a lock disappears once nobody holds or waits for it. */
    private final Cache<String, ReentrantLock> locks = Caffeine.newBuilder().weakValues().build();
}
