package dev.mnemo.system;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Optional;

/** The in-process cache: bounded by bytes, entries expire at their own ttl. */
final class CaffeineSharedCache implements SharedCache {
    private record Entry(byte[] value, Duration ttl) {
    }

    private final Cache<String, Entry> cache;

    CaffeineSharedCache(long maxBytes) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Entry entry) -> key.length() * 2 + entry.value().length + 64)
                .expireAfter(Expiry.creating((String key, Entry entry) -> entry.ttl()))
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(cache.getIfPresent(key)).map(Entry::value);
    }

    @Override
    public Map<String, byte[]> getAll(Collection<String> keys) {
        Map<String, byte[]> found = new HashMap<>();
        cache.getAllPresent(keys).forEach((key, entry) -> found.put(key, entry.value()));
        return found;
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        cache.put(key, new Entry(value, ttl));
    }

    @Override
    public void evict(String key) {
        cache.invalidate(key);
    }

    /** Runs pending maintenance (eviction is otherwise asynchronous). */
    void cleanUp() {
        cache.cleanUp();
    }

    @Override
    public String kind() {
        return "caffeine";
    }
}
