package dev.mnemo.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.SqliteApp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The marks that tell the vault what to write: one made while a sync runs outlives it; the debounce and its bound. */
@SqliteApp
class VaultStoreMarksTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Autowired
    VaultStore store;

    @Test
    void aMemoryMarkedAgainWhileASyncRunsStaysMarkedForTheNext() {
        String user = "marks-" + System.nanoTime();
        store.pending(user, List.of("m1", "m2"), T0);
        Map<String, Long> seen = store.pending(user);
        store.pending(user, List.of("m1"), T0.plusSeconds(1)); // changed again during the sync

        store.donePending(user, seen);

        assertThat(store.pending(user)).containsOnlyKeys("m1");
        store.donePending(user, store.pending(user));
        assertThat(store.pending(user)).isEmpty();
    }

    @Test
    void changesSettleAfterTheLatestOneYetNeverWaitLongerThanTheBound() {
        String user = "settle-" + System.nanoTime();
        Duration quiet = Duration.ofSeconds(30);
        Duration longest = Duration.ofMinutes(5);
        assertThat(store.settled(user, quiet, longest, T0)).as("nothing waits").isFalse();
        store.pending(user, List.of("m1"), T0);
        store.pending(user, List.of("m2"), T0.plusSeconds(20));

        assertThat(store.settled(user, quiet, longest, T0.plusSeconds(40))).as("20 s after the latest").isFalse();
        assertThat(store.settled(user, quiet, longest, T0.plusSeconds(50))).isTrue();
        for (int s = 60; s < 300; s += 20) {
            store.pending(user, List.of("m" + s), T0.plusSeconds(s));
        }
        assertThat(store.settled(user, quiet, longest, T0.plusSeconds(299))).as("still changing, not yet the bound").isFalse();
        assertThat(store.settled(user, quiet, longest, T0.plusSeconds(300))).as("the bound").isTrue();
    }
}
