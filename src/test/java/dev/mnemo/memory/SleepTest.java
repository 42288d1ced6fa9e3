package dev.mnemo.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.sleep.SleepScheduler;
import dev.mnemo.memory.store.MemoryChanges;
import dev.mnemo.memory.store.MemoryStatus;
import dev.mnemo.memory.store.StoredMemory;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.SqliteApp;
import dev.mnemo.testing.TestClockConfiguration;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Decay, consolidation, pruning and purging, on the injected clock: nothing here waits for real time. */
@SqliteApp
class SleepTest {
    @Autowired
    MemoryIntake intake;
    @Autowired
    MemoryRecall recall;
    @Autowired
    MemoryControl control;
    @Autowired
    SleepScheduler sleep;
    @Autowired
    MemoryChanges changes;
    @Autowired
    Embedder embedder;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    String user;

    @BeforeEach
    void setUp() {
        user = "sleep-" + UUID.randomUUID();
        sleep.sleepEveryone(); // settle other tests' users, so reports below are this test's
    }

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfiguration.START);
    }

    @Test
    void strengthFadesWithTimeAndGrowsWithUse() {
        Memory m = intake.remember(user, "My cat is called Miso", null).memory();
        assertThat(m.strength()).isEqualTo(1.0);

        clock.advance(Duration.ofDays(60));
        double faded = control.get(user, m.id()).orElseThrow().strength();
        recall.recall(user, "what is my cat called?", ZoneOffset.UTC, 5);
        Memory used = control.get(user, m.id()).orElseThrow();

        assertThat(faded).isLessThan(0.6).isGreaterThan(0.2);
        assertThat(used.strength()).isCloseTo(faded + (1 - faded) / 2, Offset.offset(1e-9));
        assertThat(used.accessCount()).isEqualTo(1);
        assertThat(used.lastAccessedAt()).isEqualTo(clock.instant());
    }

    @Test
    void sleepStartsOnlyAfterTheUserIsIdleAndOnlyOnce() {
        intake.remember(user, "I am learning Portuguese", null);

        clock.advance(Duration.ofMinutes(29));
        assertThat(reportsFor(sleep.sleepIdleUsers())).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThat(reportsFor(sleep.sleepIdleUsers())).singleElement()
                .satisfies(r -> assertThat(r.trigger()).isEqualTo("IDLE"));
        assertThat(reportsFor(sleep.sleepIdleUsers())).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM memory_sleep_runs WHERE user_id = ?").param(user)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void weakUnimportantMemoriesArePrunedRestorableThenPurgedWhileImportantOnesStay() {
        Memory trivia = intake.remember(user, "I had pasta for lunch today", null).memory();
        control.edit(user, trivia.id(), null, null, 2, null);
        Memory vital = intake.remember(user, "I am allergic to penicillin", null).memory();

        clock.advance(Duration.ofDays(200));
        SleepCompleted first = only(sleep.sleepEveryone());
        assertThat(first.pruned()).isEqualTo(1);
        assertThat(recall.list(user, 10)).extracting(Memory::id).containsExactly(vital.id());
        assertThat(recall.search(user, "pasta lunch", 5)).extracting(Memory::id).doesNotContain(trivia.id());

        assertThat(control.restore(user, trivia.id())).isTrue();
        assertThat(recall.list(user, 10)).extracting(Memory::id).contains(trivia.id());

        clock.advance(Duration.ofDays(200));
        assertThat(only(sleep.sleepEveryone()).pruned()).isEqualTo(1);
        clock.advance(Duration.ofDays(31));
        assertThat(only(sleep.sleepEveryone()).purged()).isEqualTo(1);
        assertThat(control.ownerOf(trivia.id())).isEmpty();
        assertThat(control.get(user, vital.id())).isPresent();
    }

    @Test
    void forgetReachesPrunedMemoriesToo() {
        Memory trivia = intake.remember(user, "I had pasta for lunch today", null).memory();
        control.edit(user, trivia.id(), null, null, 2, null);
        clock.advance(Duration.ofDays(200));
        assertThat(only(sleep.sleepEveryone()).pruned()).isEqualTo(1);

        assertThat(control.requestForget(user, "pasta")).extracting(Memory::id).containsExactly(trivia.id());
        assertThat(control.confirmForget(user)).isEqualTo(1);

        assertThat(control.ownerOf(trivia.id())).isEmpty();
        assertThat(control.restore(user, trivia.id())).isFalse();
    }

    @Test
    void nearDuplicatesThatSlippedInAreMergedDuringSleep() {
        long now = clock.millis();
        StoredMemory a = stored("I love hiking in the mountains.", now);
        StoredMemory b = stored("Hiking in the mountains is what I love most.", now);

        SleepCompleted report = only(sleep.sleepEveryone());

        assertThat(report.merged()).isEqualTo(1);
        List<Memory> left = recall.list(user, 10);
        assertThat(left).hasSize(1);
        assertThat(left.getFirst().text()).isEqualTo("Hiking in the mountains is what I love most.");
        assertThat(left.getFirst().sources()).containsExactlyInAnyOrder("msg-a", "msg-b");
        assertThat(control.history(user, left.getFirst().id()).orElseThrow()).extracting(MemoryVersion::reason).contains(VersionReason.MERGED);
        assertThat(List.of(a.id(), b.id())).contains(left.getFirst().id());
    }

    private StoredMemory stored(String text, long now) {
        StoredMemory m = new StoredMemory(UUID.randomUUID().toString(), user, text, MemoryKind.PREFERENCE, 5, List.of(),
                now, now, null, 0, 1.0, now, null, MemoryStatus.ACTIVE, null);
        changes.run(user, edit -> edit.add(m, List.of(text.startsWith("I love") ? "msg-a" : "msg-b"),
                embedder.modelId(), embedder.embed(text)));
        jdbc.sql("INSERT INTO memory_activity (user_id, last_active_at) VALUES (?, ?) ON CONFLICT (user_id) DO NOTHING")
                .params(user, now).update();
        return m;
    }

    private SleepCompleted only(List<SleepCompleted> reports) {
        List<SleepCompleted> mine = reportsFor(reports);
        assertThat(mine).hasSize(1);
        return mine.getFirst();
    }

    private List<SleepCompleted> reportsFor(List<SleepCompleted> reports) {
        return reports.stream().filter(r -> r.userId().equals(user)).toList();
    }
}
