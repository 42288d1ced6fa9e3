package dev.mnemo.memory.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.store.MemoryStore;
import dev.mnemo.memory.store.StoredMemory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * The in-memory search indexes of recently active users. An index is reloaded from the database when the
 * user's generation there differs from the one it was built at — so another instance's write (or a write
 * that failed half-way here) is never missed — and updated in place by this instance's own writes.
 */
@Component
public class IndexRegistry {
    private final MemoryStore store;
    private final Embedder embedder;
    /** Dropped indexes are not closed: a search may still be reading one; they hold only heap memory. */
    private final Cache<String, UserIndex> indexes = Caffeine.newBuilder()
            .maximumSize(200)
            .expireAfterAccess(Duration.ofHours(2))
            .build();

    public IndexRegistry(MemoryStore store, Embedder embedder) {
        this.store = store;
        this.embedder = embedder;
    }

    /** The user's index, current with the database. */
    public UserIndex get(String userId) {
        long generation = store.generation(userId);
        UserIndex index = indexes.getIfPresent(userId);
        if (index != null && index.generation() == generation) {
            return index;
        }
        // A lock, not synchronized: loading does JDBC, which must not pin a virtual thread's carrier.
        ReentrantLock lock = locks.get(userId, u -> new ReentrantLock());
        lock.lock();
        try {
            index = indexes.getIfPresent(userId);
            generation = store.generation(userId);
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
     * Applies a committed write of this instance. When the write's generation directly follows the index's,
     * nothing else happened in between and the index is patched; otherwise it is dropped and reloaded on
     * next use.
     */
    public void applied(String userId, long newGeneration, Map<String, String> upserts,
                        Map<String, float[]> vectors, List<String> removals) {
        UserIndex index = indexes.getIfPresent(userId);
        if (index == null) {
            return;
        }
        if (index.generation() == newGeneration - 1 && index.model().equals(embedder.modelId())) {
            index.apply(upserts, vectors, removals, newGeneration);
        } else {
            indexes.invalidate(userId);
        }
    }

    public void invalidate(String userId) {
        indexes.invalidate(userId);
    }

    private UserIndex load(String userId, long generation) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (StoredMemory m : store.active(userId)) {
            texts.put(m.id(), m.text());
        }
        return new UserIndex(embedder.modelId(), embedder.dimension(), generation, texts,
                store.vectors(userId, embedder.modelId()));
    }

    /** Weakly held: a lock disappears once nobody holds or waits for it. */
    private final Cache<String, ReentrantLock> locks = Caffeine.newBuilder().weakValues().build();
}
