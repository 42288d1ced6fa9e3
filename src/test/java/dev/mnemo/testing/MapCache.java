package dev.mnemo.testing;

import dev.mnemo.system.SharedCache;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An unbounded map as the shared cache: for tests and benchmarks about what is behind the cache. */
public final class MapCache implements SharedCache {
    private final Map<String, byte[]> map = new ConcurrentHashMap<>();

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(map.get(key));
    }

    @Override
    public Map<String, byte[]> getAll(Collection<String> keys) {
        Map<String, byte[]> found = new HashMap<>();
        keys.forEach(k -> {
            if (map.containsKey(k)) {
                found.put(k, map.get(k));
            }
        });
        return found;
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        map.put(key, value);
    }

    @Override
    public void evict(String key) {
        map.remove(key);
    }

    /** How many entries it holds. */
    public int size() {
        return map.size();
    }

    @Override
    public String kind() {
        return "map";
    }
}
