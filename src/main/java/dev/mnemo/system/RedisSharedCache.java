package dev.mnemo.system;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.Optional;

/** The cache in Redis ({@code REDIS_URL}), shared by every instance; keys are prefixed with {@code mnemo:}. */
final class RedisSharedCache implements SharedCache, AutoCloseable {
    private static final String PREFIX = "mnemo:";

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final RedisCommands<String, byte[]> redis;

    RedisSharedCache(String url) {
        this.client = RedisClient.create(url);
        this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        this.redis = connection.sync();
    }

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(redis.get(PREFIX + key));
    }

    @Override
    public Map<String, byte[]> getAll(Collection<String> keys) {
        Map<String, byte[]> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        redis.mget(keys.stream().map(k -> PREFIX + k).toArray(String[]::new)).forEach(kv -> {
            if (kv.hasValue()) {
                found.put(kv.getKey().substring(PREFIX.length()), kv.getValue());
            }
        });
        return found;
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        redis.set(PREFIX + key, value, SetArgs.Builder.px(Math.max(1, ttl.toMillis())));
    }

    @Override
    public void evict(String key) {
        redis.del(PREFIX + key);
    }

    /** Remaining time to live as Redis sees it (tests check that expiry is the server's job). */
    long ttlMillis(String key) {
        return redis.pttl(PREFIX + key);
    }

    @Override
    public String kind() {
        return "redis";
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
