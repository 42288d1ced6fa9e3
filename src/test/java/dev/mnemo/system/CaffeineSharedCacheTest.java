package dev.mnemo.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CaffeineSharedCacheTest extends SharedCacheContract {
    private final CaffeineSharedCache cache = new CaffeineSharedCache(1 << 20);

    @Override
    SharedCache cache() {
        return cache;
    }

    @Test
    void staysWithinItsByteBudget() {
        for (int i = 0; i < 200; i++) {
            cache.put("big-" + i, new byte[64 * 1024], Duration.ofMinutes(5));
        }
        cache.cleanUp();
        long kept = IntStream.range(0, 200).filter(i -> cache.get("big-" + i).isPresent()).count();
        // Within the budget, and using it: a cache that dropped everything would pass the first line alone.
        assertThat(kept * 64 * 1024).isLessThanOrEqualTo(1 << 20);
        assertThat(kept).isGreaterThanOrEqualTo(8);
        assertThat(cache.kind()).isEqualTo("caffeine");
    }
}
