package dev.mnemo.memory.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mnemo.memory.MemoryChanged.MemoryAdded;
import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.MemoryVersion;
import dev.mnemo.memory.VersionReason;
import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.index.IndexRegistry;
import dev.mnemo.memory.index.ScoredId;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.TestClockConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one port for memory changes, and the tables behind it, behave the same on every database: what a
 * change writes reads back exactly, its generation moves only when something searchable changed, the
 * indexes follow, a failed change leaves nothing behind, and its events are stored with it.
 */
abstract class MemoryChangesContract {
    @Autowired
    Embedder embedder;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MemoryChanges changes;
    @Autowired
    Memories memories;
    @Autowired
    MemoryHistory history;
    @Autowired
    MemoryVectors vectors;
    @Autowired
    Generations generations;
    @Autowired
    ForgetRequests forgetRequests;
    @Autowired
    IndexRegistry indexes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    String user;

    String model;

    @BeforeEach
    void newUser() {
        user = "store-" + UUID.randomUUID();
        model = embedder.modelId();
    }

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfiguration.START);
    }

    @Test
    void storesAndReadsBackEveryField() {
        StoredMemory m = memory("Ana's birthday is 3 May — café ☕", List.of("ana", "birthday"));
        changes.run(user, edit -> edit.add(m, List.of("msg-2", "msg-1", "msg-1"), model, vector(1)));

        assertThat(memories.find(user, m.id())).contains(m);
        assertThat(memories.findAll(user, List.of(m.id(), "missing"))).containsExactly(m);
        assertThat(history.sources(m.id())).containsExactly("msg-1", "msg-2");
        assertThat(memories.ownerOf(m.id())).contains(user);
        assertThat(memories.toMemory(m).sources()).containsExactly("msg-1", "msg-2");
        assertThat(memories.find("someone-else", m.id())).isEmpty();
        assertThat(memories.findAll("someone-else", List.of(m.id()))).isEmpty();
    }

    @Test
    void aChangeIsNeverHiddenByTheHotCache() {
        StoredMemory m = memory("I play the cello", List.of());
        changes.run(user, edit -> edit.add(m, List.of(), model, vector(1)));
        assertThat(memories.findAll(user, List.of(m.id()))).containsExactly(m); // now cached

        changes.run(user, edit -> edit.revise(m, m.withContent("I play the viola", MemoryKind.FACT, 6, List.of("music"),
                edit.now()), VersionReason.EDITED, model, vector(2)));
        assertThat(memories.findAll(user, List.of(m.id()))).singleElement().satisfies(r -> {
            assertThat(r.text()).isEqualTo("I play the viola");
            assertThat(r.tags()).containsExactly("music");
        });

        changes.run(user, edit -> edit.prune(m));
        assertThat(memories.findAll(user, List.of(m.id()))).isEmpty();
        changes.run(user, edit -> edit.delete(m));
        assertThat(memories.ownerOf(m.id())).isEmpty();
        assertThat(history.versions(m.id())).isEmpty();
        assertThat(vectors.of(user, model)).isEmpty();
    }

    @Test
    void versionsComeBackNewestFirstAndMoveWithAnAbsorbedMemory() {
        StoredMemory m = memory("My sister is Anna", List.of());
        StoredMemory other = memory("My sister is a nurse", List.of());
        changes.run(user, edit -> {
            edit.add(m, List.of("msg-a"), model, vector(1));
            edit.add(other, List.of("msg-b"), model, vector(2));
        });
        clock.advance(Duration.ofDays(1));
        StoredMemory corrected = m.withContent("My sister is Maria", MemoryKind.FACT, 5, List.of(), clock.millis());
        changes.run(user, edit -> edit.revise(m, corrected, VersionReason.CORRECTED, model, vector(3)));
        clock.advance(Duration.ofDays(1));
        changes.run(user, edit -> edit.absorb(corrected, other, VersionReason.MERGED));

        List<MemoryVersion> versions = history.versions(m.id());
        assertThat(versions).extracting(MemoryVersion::reason).containsExactly(VersionReason.MERGED, VersionReason.CORRECTED);
        assertThat(versions).extracting(MemoryVersion::text).containsExactly("My sister is a nurse", "My sister is Anna");
        assertThat(versions.getLast().validTo()).isEqualTo(TestClockConfiguration.START.plus(Duration.ofDays(1)));
        assertThat(history.sources(m.id())).containsExactly("msg-a", "msg-b");
        assertThat(memories.ownerOf(other.id())).isEmpty();
        assertThat(history.sources(other.id())).as("nothing of the absorbed memory is left behind").isEmpty();
        assertThat(history.versions(other.id())).isEmpty();
        assertThat(indexes.get(user).keyword("nurse", 5, false)).extracting(ScoredId::id).doesNotContain(other.id());
    }

    @Test
    void vectorsRoundTripBitForBitPerModel() {
        StoredMemory m = memory("vector", List.of());
        float[] vector = vector(7);
        vector[1] = -0.25f;
        vector[2] = Float.MIN_VALUE;
        vector[3] = 1e-7f;
        vector[4] = 0.333333f;
        changes.run(user, edit -> edit.add(m, List.of(), model, vector));
        changes.run(user, edit -> edit.addVector(m, model, vector));

        Map<String, float[]> loaded = vectors.of(user, model);
        assertThat(loaded).containsOnlyKeys(m.id());
        assertThat(loaded.get(m.id())).containsExactly(vector);
        assertThat(vectors.of(user, "model-b")).isEmpty();
        assertThat(memories.withoutVector("model-b", 1000)).extracting(StoredMemory::id).contains(m.id());
        assertThat(memories.withoutVector(model, 1000)).extracting(StoredMemory::id).doesNotContain(m.id());
    }

    @Test
    void theGenerationMovesOnlyWhenSomethingSearchableChanged() {
        StoredMemory m = memory("I swim on Tuesdays", List.of());
        assertThat(generations.current(user)).isZero();
        changes.run(user, edit -> edit.add(m, List.of(), model, vector(1)));
        assertThat(generations.current(user)).isEqualTo(1);

        changes.run(user, edit -> edit.decay(m, 0.5));
        changes.recordAccess(user, List.of(m.id()));
        changes.run(user, edit -> edit.reinforce(m));
        changes.run(user, edit -> edit.addSources(m, List.of("msg-x")));
        assertThat(generations.current(user)).isEqualTo(1);

        changes.run(user, edit -> edit.prune(m));
        assertThat(generations.current(user)).isEqualTo(2);
        assertThat(indexes.get(user).keyword("swim", 5, false)).isEmpty();
        changes.run(user, edit -> edit.restore(m));
        assertThat(generations.current(user)).isEqualTo(3);
        assertThat(indexes.get(user).keyword("swim", 5, false)).extracting(ScoredId::id).containsExactly(m.id());
    }

    @Test
    void aMemoryIsSearchedByWhatItIsAboutAndForARecallByTheMessageItCameFromTooUntilThatIsForgotten() {
        StoredMemory m = memory("I can't stand coriander", List.of("food-taste")).withContext("ugh the tacos in Porto were full of it");
        changes.run(user, edit -> {
            edit.add(m, List.of("msg-tacos"), model, vector(1));
        });
        assertThat(indexes.get(user).keyword("food", 5, false)).extracting(ScoredId::id).containsExactly(m.id());
        assertThat(indexes.get(user).keyword("taste preferences", 5, false)).extracting(ScoredId::id).containsExactly(m.id());
        assertThat(indexes.get(user).keyword("tacos", 5, false)).as("a person's own search: only its words").isEmpty();
        assertThat(indexes.get(user).keyword("tacos", 5, true)).extracting(ScoredId::id).containsExactly(m.id());

        changes.run(user, edit -> edit.forgetMessages(List.of("msg-other")));
        assertThat(memories.find(user, m.id()).orElseThrow().context()).isNotNull();
        changes.run(user, edit -> edit.forgetMessages(List.of("msg-tacos")));
        assertThat(memories.find(user, m.id()).orElseThrow().context()).isNull();
        assertThat(indexes.get(user).keyword("tacos", 5, true)).as("the forgotten message is not searched any more").isEmpty();
        assertThat(indexes.get(user).keyword("coriander", 5, true)).extracting(ScoredId::id).containsExactly(m.id());
    }

    @Test
    void aChangeOfTagsAloneIsSearchable() {
        StoredMemory m = memory("Dentist on the 12th", List.of());
        changes.run(user, edit -> edit.add(m, List.of(), model, vector(1)));
        assertThat(indexes.get(user).keyword("health", 5, false)).isEmpty();
        changes.run(user, edit -> edit.revise(m, m.withContent(m.text(), m.kind(), 5, List.of("health"), edit.now()),
                VersionReason.EDITED, model, null));
        assertThat(indexes.get(user).keyword("health", 5, false)).extracting(ScoredId::id).containsExactly(m.id());
        assertThat(indexes.get(user).vector(m.id())).containsExactly(vector(1));
    }

    @Test
    void theIndexesFollowEveryChangeOfThisInstance() {
        StoredMemory m = memory("I keep bees in the garden", List.of());
        assertThat(indexes.get(user).keyword("bees", 5, false)).isEmpty(); // loaded before the change
        changes.run(user, edit -> edit.add(m, List.of(), model, vector(1)));
        assertThat(indexes.get(user).keyword("bees", 5, false)).extracting(ScoredId::id).containsExactly(m.id());
        assertThat(indexes.get(user).vector(m.id())).containsExactly(vector(1));

        changes.run(user, edit -> edit.revise(m, m.withContent("I keep goats in the garden", m.kind(), 5, List.of(),
                edit.now()), VersionReason.CORRECTED, model, vector(2)));
        assertThat(indexes.get(user).keyword("bees", 5, false)).isEmpty();
        assertThat(indexes.get(user).keyword("goats", 5, false)).extracting(ScoredId::id).containsExactly(m.id());
        assertThat(indexes.get(user).vector(m.id())).containsExactly(vector(2));
    }

    @Test
    void aFailedChangeLeavesNothingBehind() {
        StoredMemory m = memory("I collect stamps", List.of());
        long before = generations.current(user);
        assertThatThrownBy(() -> changes.run(user, edit -> {
            edit.add(m, List.of("msg-1"), model, vector(1));
            edit.publish(new MemoryAdded(user, m.id(), Instant.ofEpochMilli(edit.now())));
            throw new IllegalStateException("the model answered nonsense");
        })).hasMessage("the model answered nonsense");

        assertThat(memories.ownerOf(m.id())).isEmpty();
        assertThat(history.sources(m.id())).isEmpty();
        assertThat(generations.current(user)).isEqualTo(before);
        assertThat(indexes.get(user).keyword("stamps", 5, false)).isEmpty();
        assertThat(publicationsMentioning(m.id())).isZero();
    }

    @Test
    void aChangeInsideAnOuterTransactionReachesTheIndexOnlyIfThatCommits() {
        assertThat(indexes.get(user).keyword("kayak", 5, false)).isEmpty(); // loaded before
        StoredMemory m = memory("I paddle a kayak on Sundays", List.of());
        transactions.executeWithoutResult(status -> {
            changes.run(user, edit -> edit.add(m, List.of(), model, vector(1)));
            status.setRollbackOnly();
        });
        assertThat(memories.ownerOf(m.id())).isEmpty();
        // Another instance's change brings the generation to where the rolled-back one had put it.
        jdbc.sql("INSERT INTO memory_generations (user_id, generation) VALUES (?, 1) ON CONFLICT (user_id) "
                + "DO UPDATE SET generation = memory_generations.generation + 1").param(user).update();
        assertThat(indexes.get(user).keyword("kayak", 5, false)).as("no phantom of the rolled-back change").isEmpty();
    }

    @Test
    void aChangeNeverReachesAnotherPersonsMemory() {
        StoredMemory m = memory("My PIN hint is my dog's name", List.of());
        changes.run(user, edit -> edit.add(m, List.of(), model, vector(1)));

        assertThatThrownBy(() -> changes.run("intruder", edit -> edit.delete(m)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(memories.find(user, m.id())).isPresent();
    }

    @Test
    void accessIsRecordedForEveryMemoryInOneBatch() {
        StoredMemory a = memory("I like tea", List.of());
        StoredMemory b = memory("I like rain", List.of());
        changes.run(user, edit -> {
            edit.add(a, List.of(), model, vector(1));
            edit.add(b, List.of(), model, vector(2));
        });
        clock.advance(Duration.ofDays(10));
        changes.recordAccess(user, List.of(a.id(), b.id()));

        assertThat(memories.findAll(user, List.of(a.id(), b.id()))).hasSize(2).allSatisfy(r -> {
            assertThat(r.accessCount()).isEqualTo(1);
            assertThat(r.lastAccessedAt()).isEqualTo(clock.millis());
            assertThat(r.strengthAt()).isEqualTo(clock.millis());
            assertThat(r.strength()).isGreaterThan(0.5);
        });
    }

    @Test
    void aForgetRequestIsTakenOnceAndExpires() {
        forgetRequests.save(user, List.of("a", "b"));
        assertThat(forgetRequests.take(user)).containsExactly("a", "b");
        assertThat(forgetRequests.take(user)).isEmpty();

        forgetRequests.save(user, List.of("c"));
        clock.advance(ForgetRequests.CONFIRMATION.plusMillis(1));
        assertThat(forgetRequests.take(user)).isEmpty();
    }

    @Test
    void prunedMemoriesAreFoundByWordInTheDatabaseAndPurgedOnlyAfterTheirGracePeriod() {
        StoredMemory pasta = memory("Pasta for lunch, 50% off", List.of());
        StoredMemory other = memory("500 offers of pizza", List.of());
        changes.run(user, edit -> {
            edit.add(pasta, List.of(), model, vector(1));
            edit.add(other, List.of(), model, vector(2));
        });
        changes.run(user, edit -> {
            edit.prune(pasta);
            edit.prune(other);
        });

        assertThat(memories.prunedContaining(user, List.of("pasta"))).extracting(StoredMemory::id).containsExactly(pasta.id());
        assertThat(memories.prunedContaining(user, List.of("50%"))).extracting(StoredMemory::id).containsExactly(pasta.id());
        assertThat(memories.prunedContaining(user, List.of("nothing", "pizza"))).extracting(StoredMemory::id)
                .containsExactly(other.id());
        assertThat(memories.prunedContaining("someone-else", List.of("pasta"))).isEmpty();
        StoredMemory accented = memory("Élodie's ÉCOLE is in Lyon", List.of());
        changes.run(user, edit -> edit.add(accented, List.of(), model, vector(3)));
        changes.run(user, edit -> edit.prune(accented));
        assertThat(memories.prunedContaining(user, List.of("élodie's"))).extracting(StoredMemory::id)
                .as("capitalised beyond ASCII").containsExactly(accented.id());
        assertThat(memories.prunedContaining(user, List.of("école"))).extracting(StoredMemory::id)
                .as("in capitals beyond ASCII").containsExactly(accented.id());
        assertThat(memories.prunedBefore(user, clock.millis())).isEmpty();
        assertThat(memories.prunedBefore(user, clock.millis() + 1)).hasSize(3);
        assertThat(memories.active(user)).isEmpty();
        assertThat(memories.idsStartingWith(user, pasta.id().substring(0, 8))).containsExactly(pasta.id());
    }

    @Test
    void eventsAreStoredWithTheChangeAndRemovedOnceTheirListenersRan() {
        StoredMemory m = memory("I read before sleeping", List.of());
        long storedWithTheChange = transactions.execute(status -> {
            changes.run(user, edit -> {
                edit.add(m, List.of(), model, vector(1));
                edit.publish(new MemoryAdded(user, m.id(), Instant.ofEpochMilli(edit.now())));
            });
            return publicationsMentioning(m.id());
        });
        assertThat(storedWithTheChange).isPositive();
        await().atMost(Duration.ofSeconds(10)).until(() -> publicationsMentioning(m.id()) == 0);
    }

    private long publicationsMentioning(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publications WHERE serialized_event LIKE ?").param("%" + id + "%")
                .query(Long.class).single();
    }

    private StoredMemory memory(String text, List<String> tags) {
        long now = clock.millis();
        return new StoredMemory(UUID.randomUUID().toString(), user, text, MemoryKind.FACT, 5, tags, now, now, null, 0,
                1.0, now, null, MemoryStatus.ACTIVE, null);
    }

    private float[] vector(int seed) {
        float[] v = new float[embedder.dimension()];
        v[seed % v.length] = 1;
        return v;
    }
}
