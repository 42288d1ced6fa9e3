package dev.mnemo.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.RequiresRedis;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Against the machine's real Redis. */
@ExtendWith(RequiresRedis.class)
class RedisSharedCacheTest extends SharedCacheContract {
    private static RedisSharedCache cache;

    @Override
    SharedCache cache() {
        if (cache == null) {
            cache = new RedisSharedCache(RequiresRedis.URL);
        }
        return cache;
    }

    @AfterAll
    static void close() {
        if (cache != null) {
            cache.close();
        }
    }

    @Test
    void entriesExpireAtTheirTtlOnTheServer() {
        cache().put("ttl-probe", new byte[] {1}, Duration.ofMinutes(3));
        RedisSharedCache redis = (RedisSharedCache) cache();
        assertThat(redis.ttlMillis("ttl-probe")).isBetween(170_000L, 180_000L);
        assertThat(cache().kind()).isEqualTo("redis");
    }
}
