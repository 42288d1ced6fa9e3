package dev.mnemo.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.MnemoApplication;
import dev.mnemo.memory.SleepCompleted;
import dev.mnemo.memory.sleep.SleepScheduler;
import dev.mnemo.proactive.ReminderDelivery;
import dev.mnemo.reminder.Recurrence;
import dev.mnemo.reminder.Reminders;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.RequiresPostgres;
import dev.mnemo.testing.RequiresRedis;
import dev.mnemo.testing.TestClockConfiguration;
import dev.mnemo.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application instances sharing one PostgreSQL and one Redis: what one writes, edits or forgets, the
 * other sees at once — its in-memory index and its cache are never stale — and a consolidation runs once.
 */
@ExtendWith({RequiresPostgres.class, RequiresRedis.class})
class TwoInstancesTest {
    /** Fewer than one instance's batch, so that either could take them all: only the claims share them out. */
    private static final int REMINDERS = 40;
    private static final String SCHEMA = "mnemo_two_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final MutableClock CLOCK = new MutableClock(TestClockConfiguration.START);
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void start() {
        a = instance("a");
        b = instance("b");
    }

    @AfterAll
    static void stop() throws Exception {
        Stream.of(a, b).filter(c -> c != null).forEach(ConfigurableApplicationContext::close);
        try (Connection c = DriverManager.getConnection(TestDatabases.PG_URL, TestDatabases.PG_USER, TestDatabases.PG_PASSWORD)) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void whatOneInstanceWritesEditsAndForgetsTheOtherSeesAtOnce() {
        String user = "two-" + UUID.randomUUID();
        Memory written = a.getBean(MemoryIntake.class).remember(user, "My daughter plays the violin", null).memory();

        MemoryRecall recallB = b.getBean(MemoryRecall.class);
        assertThat(recallB.search(user, "violin", 5)).extracting(Memory::id).containsExactly(written.id());
        assertThat(b.getBean(MemoryControl.class).get(user, written.id())).isPresent(); // B has it cached now

        a.getBean(MemoryControl.class).edit(user, written.id(), "My daughter plays the cello", null, 9, null);
        assertThat(recallB.search(user, "cello", 5)).extracting(Memory::text).containsExactly("My daughter plays the cello");
        assertThat(b.getBean(MemoryControl.class).get(user, written.id()).orElseThrow().importance()).isEqualTo(9);

        b.getBean(MemoryIntake.class).remember(user, "My daughter is called Leonor", null);
        assertThat(a.getBean(MemoryRecall.class).search(user, "Leonor", 5)).extracting(Memory::text)
                .contains("My daughter is called Leonor.");

        assertThat(a.getBean(MemoryControl.class).delete(user, written.id())).isTrue();
        assertThat(recallB.search(user, "cello", 5)).extracting(Memory::id).doesNotContain(written.id());
        assertThat(recallB.recall(user, "what does my daughter play?", ZoneOffset.UTC, 5)).extracting(r -> r.memory().id())
                .doesNotContain(written.id());
        assertThat(b.getBean(MemoryControl.class).get(user, written.id())).isEmpty();
    }

    @Test
    void aUsersSleepRunsOnOneInstanceOnly() {
        String user = "two-sleep-" + UUID.randomUUID();
        a.getBean(MemoryIntake.class).remember(user, "I run on Sundays", null);
        CLOCK.advance(Duration.ofHours(1));

        List<SleepCompleted> fromA = a.getBean(SleepScheduler.class).sleepIdleUsers();
        List<SleepCompleted> fromB = b.getBean(SleepScheduler.class).sleepIdleUsers();

        assertThat(Stream.concat(fromA.stream(), fromB.stream()).filter(r -> r.userId().equals(user))).hasSize(1);
    }

    @Test
    void everyDueReminderIsSentByExactlyOneInstance() throws Exception {
        String user = "two-reminder-" + UUID.randomUUID();
        for (int i = 0; i < REMINDERS; i++) {
            a.getBean(Reminders.class).schedule(user, "water the plants " + i, CLOCK.instant().plusSeconds(60 + i),
                    ZoneOffset.UTC, Recurrence.NONE, null);
        }
        CLOCK.advance(Duration.ofMinutes(2));

        // Both instances start their round at the same moment: the claim, not the timing, must decide.
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Integer> fromA = pool.submit(() -> {
            together.await(10, TimeUnit.SECONDS);
            return a.getBean(ReminderDelivery.class).deliverDue();
        });
        Future<Integer> fromB = pool.submit(() -> {
            together.await(10, TimeUnit.SECONDS);
            return b.getBean(ReminderDelivery.class).deliverDue();
        });
        int sent;
        try {
            sent = fromA.get(60, TimeUnit.SECONDS) + fromB.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(sent).isEqualTo(REMINDERS);
        JdbcClient jdbc = a.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM deliveries WHERE user_id = ? AND kind = 'REMINDER'").param(user)
                .query(Long.class).single()).isEqualTo(REMINDERS);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT text) FROM deliveries WHERE user_id = ? AND kind = 'REMINDER'").param(user)
                .query(Long.class).single()).as("none twice").isEqualTo(REMINDERS);
    }

    private static ConfigurableApplicationContext instance(String name) {
        // Command-line arguments: they outrank application.yml (builder properties would not).
        String[] arguments = Stream.of(
                        "server.port=0",
                        "assistant.data-dir=" + TestDatabases.sqliteDataDir().resolve("two-" + name),
                        "assistant.api-token=two-instances-token",
                        "assistant.db.url=" + TestDatabases.PG_URL + (TestDatabases.PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                        "assistant.db.user=" + TestDatabases.PG_USER,
                        "assistant.db.password=" + TestDatabases.PG_PASSWORD,
                        "spring.flyway.schemas=" + SCHEMA,
                        "assistant.redis-url=" + RequiresRedis.URL,
                        "assistant.providers.anthropic.api-key=",
                        "assistant.providers.openai.api-key=",
                        "assistant.providers.openai.base-url=",
                        "assistant.memory.background-jobs=false",
                        "assistant.proactive.background=false")
                .map(p -> "--" + p).toArray(String[]::new);
        return new SpringApplicationBuilder(MnemoApplication.class)
                .initializers(context -> ((GenericApplicationContext) context)
                        .registerBean("testClock", Clock.class, () -> CLOCK, bean -> bean.setPrimary(true)))
                .run(arguments);
    }
}
