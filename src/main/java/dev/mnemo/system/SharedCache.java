package dev.mnemo.system;

import java.util.Collection;
import java.util.Map;
import java.time.Duration;
import java.util.Optional;

/**
 * A byte cache shared by everything in this process, or by every instance when {@code REDIS_URL} is set
 * (Caffeine otherwise). Writers evict what they change, so a reader never sees a stale value; with several
 * instances, only Redis makes that true across them.
 */
public interface SharedCache {

    Optional<byte[]> get(String key);

    /** The values present, by key (one round trip with Redis). */
    Map<String, byte[]> getAll(Collection<String> keys);

    void put(String key, byte[] value, Duration ttl);

    void evict(String key);

    /** {@code caffeine} or {@code redis}. */
    String kind();
}
