package dev.mnemo.memory.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.MemoryVersion;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.TestClockConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The memory store behaves the same on every database adapter. */
abstract class MemoryStoreContract {
    @Autowired
    MemoryStore store;
    @Autowired
    MutableClock clock;
    String user;

    @BeforeEach
    void newUser() {
        user = "store-" + UUID.randomUUID();
    }

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfiguration.START);
    }

    @Test
    void storesAndReadsBackEveryField() {
        StoredMemory m = memory("Ana's birthday is 3 May — café ☕", List.of("ana", "birthday"));
        store.insert(m, List.of("msg-2", "msg-1", "msg-1"));

        assertThat(store.find(user, m.id())).contains(m);
        assertThat(store.findAll(user, List.of(m.id(), "missing"))).containsExactly(m);
        assertThat(store.sources(m.id())).containsExactly("msg-1", "msg-2");
        assertThat(store.ownerOf(m.id())).contains(user);
        assertThat(store.find("someone-else", m.id())).isEmpty();
        assertThat(store.findAll("someone-else", List.of(m.id()))).isEmpty();
    }

    @Test
    void aChangeIsNeverHiddenByTheHotCache() {
        StoredMemory m = memory("I play the cello", List.of());
        store.insert(m, List.of());
        assertThat(store.findAll(user, List.of(m.id()))).containsExactly(m); // now cached

        StoredMemory edited = m.withContent("I play the viola", MemoryKind.FACT, 6, List.of("music"), clock.millis() + 1);
        store.updateContent(edited);
        assertThat(store.findAll(user, List.of(m.id()))).singleElement().satisfies(r -> {
            assertThat(r.text()).isEqualTo("I play the viola");
            assertThat(r.tags()).containsExactly("music");
        });

        store.setStatus(m.id(), MemoryStore.PRUNED, clock.millis());
        assertThat(store.findAll(user, List.of(m.id()))).isEmpty();
        store.delete(m.id());
        assertThat(store.ownerOf(m.id())).isEmpty();
    }

    @Test
    void versionsComeBackNewestFirstAndMoveWithAMerge() {
        StoredMemory m = memory("My sister is Anna", List.of());
        store.insert(m, List.of("msg-a"));
        clock.advance(Duration.ofDays(1));
        store.addVersion(m, "CORRECTED", clock.millis());
        StoredMemory other = memory("My sister is a nurse", List.of());
        store.insert(other, List.of("msg-b"));
        clock.advance(Duration.ofDays(1));
        store.addVersion(other, "MERGED", clock.millis());

        store.moveHistory(other.id(), m.id());

        List<MemoryVersion> history = store.history(m.id());
        assertThat(history).extracting(MemoryVersion::reason).containsExactly("MERGED", "CORRECTED");
        assertThat(history.getLast().validTo().toEpochMilli()).isEqualTo(TestClockConfiguration.START.toEpochMilli() + 86_400_000L);
        assertThat(store.sources(m.id())).containsExactly("msg-a", "msg-b");
    }

    @Test
    void vectorsRoundTripBitForBitPerModel() {
        StoredMemory m = memory("vector", List.of());
        store.insert(m, List.of());
        float[] vector = {0.1f, -0.25f, Float.MIN_VALUE, 1e-7f, 0.333333f};
        store.putVector(m.id(), "model-a", vector);
        store.putVector(m.id(), "model-a", vector);

        Map<String, float[]> loaded = store.vectors(user, "model-a");
        assertThat(loaded).containsOnlyKeys(m.id());
        assertThat(loaded.get(m.id())).containsExactly(vector);
        assertThat(store.vectors(user, "model-b")).isEmpty();
        assertThat(store.withoutVector("model-b", 1000)).extracting(StoredMemory::id).contains(m.id());
        assertThat(store.withoutVector("model-a", 1000)).extracting(StoredMemory::id).doesNotContain(m.id());
    }

    @Test
    void generationsCountEveryChangeFromZero() {
        assertThat(store.generation(user)).isZero();
        assertThat(store.bumpGeneration(user)).isEqualTo(1);
        assertThat(store.bumpGeneration(user)).isEqualTo(2);
        assertThat(store.generation(user)).isEqualTo(2);
    }

    @Test
    void aForgetRequestIsTakenOnceAndExpires() {
        store.saveForgetRequest(user, List.of("a", "b"), clock.millis() + 1000);
        assertThat(store.takeForgetRequest(user, clock.millis())).containsExactly("a", "b");
        assertThat(store.takeForgetRequest(user, clock.millis())).isEmpty();

        store.saveForgetRequest(user, List.of("c"), clock.millis() + 1000);
        assertThat(store.takeForgetRequest(user, clock.millis() + 1001)).isEmpty();
    }

    @Test
    void prunedMemoriesAreFoundForPurgingOnlyAfterTheirGracePeriod() {
        StoredMemory m = memory("trivia", List.of());
        store.insert(m, List.of());
        store.setStatus(m.id(), MemoryStore.PRUNED, clock.millis());

        assertThat(store.prunedBefore(user, clock.millis())).isEmpty();
        assertThat(store.prunedBefore(user, clock.millis() + 1)).containsExactly(m.id());
        assertThat(store.active(user)).isEmpty();
        assertThat(store.idsStartingWith(user, m.id().substring(0, 8))).containsExactly(m.id()); // a /forget reaches it
    }

    private StoredMemory memory(String text, List<String> tags) {
        long now = clock.millis();
        return new StoredMemory(UUID.randomUUID().toString(), user, text, MemoryKind.FACT, 5, tags, now, now, null, 0,
                1.0, now, null, MemoryStore.ACTIVE);
    }
}
