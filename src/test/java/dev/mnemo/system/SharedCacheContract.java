package dev.mnemo.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every cache adapter keeps, returns, expires and forgets bytes the same way. */
abstract class SharedCacheContract {

    abstract SharedCache cache();

    private final String prefix = "contract-" + UUID.randomUUID() + ":";

    @Test
    void returnsWhatWasPutUntilEvicted() {
        byte[] value = "vector bytes \u0000\u00ff".getBytes(StandardCharsets.UTF_8);
        cache().put(prefix + "a", value, Duration.ofMinutes(5));

        assertThat(cache().get(prefix + "a")).hasValueSatisfying(v -> assertThat(v).isEqualTo(value));
        cache().evict(prefix + "a");
        assertThat(cache().get(prefix + "a")).isEmpty();
        cache().evict(prefix + "never-there");
    }

    @Test
    void getAllReturnsOnlyWhatIsPresent() {
        cache().put(prefix + "x", new byte[] {1}, Duration.ofMinutes(5));
        cache().put(prefix + "y", new byte[] {2, 3}, Duration.ofMinutes(5));

        Map<String, byte[]> found = cache().getAll(List.of(prefix + "x", prefix + "y", prefix + "z"));

        assertThat(found).containsOnlyKeys(prefix + "x", prefix + "y");
        assertThat(found.get(prefix + "y")).containsExactly(2, 3);
        assertThat(cache().getAll(List.of())).isEmpty();
    }

    @Test
    void aNewValueReplacesTheOld() {
        cache().put(prefix + "k", new byte[] {1}, Duration.ofMinutes(5));
        cache().put(prefix + "k", new byte[] {9}, Duration.ofMinutes(5));

        assertThat(cache().get(prefix + "k")).hasValueSatisfying(v -> assertThat(v).containsExactly(9));
    }
}
