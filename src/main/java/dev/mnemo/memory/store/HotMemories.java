package dev.mnemo.memory.store;

import dev.mnemo.system.SharedCache;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recently used memory rows in the shared cache (Caffeine, or Redis across instances). Every change evicts
 * the row, again after its transaction commits, so a reader that raced the write cannot leave the old row
 * behind for longer than that; the short ttl bounds what no eviction can prevent.
 */
final class HotMemories {
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SharedCache cache;

    HotMemories(SharedCache cache) {
        this.cache = cache;
    }

    Map<String, StoredMemory> getAll(Collection<String> ids) {
        Map<String, StoredMemory> found = new HashMap<>();
        cache.getAll(ids.stream().map(HotMemories::key).toList())
                .forEach((key, bytes) -> found.put(key.substring(4), JSON.readValue(bytes, StoredMemory.class)));
        return found;
    }

    void putAll(List<StoredMemory> rows) {
        rows.forEach(row -> cache.put(key(row.id()), JSON.writeValueAsBytes(row), TTL));
    }

    void evict(String id) {
        cache.evict(key(id));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.evict(key(id));
                }
            });
        }
    }

    private static String key(String id) {
        return "mem:" + id;
    }
}
