package dev.mnemo.memory.bench;

import dev.mnemo.system.SharedCache;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Benchmarks measure the model and the search, not a cache: nothing is kept. */
final class NoCache implements SharedCache {
    @Override
    public Optional<byte[]> get(String key) {
        return Optional.empty();
    }

    @Override
    public Map<String, byte[]> getAll(Collection<String> keys) {
        return Map.of();
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        // nothing kept
    }

    @Override
    public void evict(String key) {
        // nothing kept
    }

    @Override
    public String kind() {
        return "none";
    }
}
