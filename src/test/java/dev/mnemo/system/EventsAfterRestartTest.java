package dev.mnemo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mnemo.memory.ForgottenSources;
import dev.mnemo.memory.MemoryChanged.MemoryAdded;
import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.testing.Instances;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.TestClockConfiguration;
import dev.mnemo.testing.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event publication store on both databases: a listener of memory changes that fails gets the same event
 * again once it is abandoned — after a restart too — and only then; what must never be stored is refused.
 */
class EventsAfterRestartTest {
    private static final String SCHEMA = "mnemo_events_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    /** Stands for the vault or the web app: fails while {@link #failing}, and remembers what it was given. */
    static class FlakyListener {
        static final AtomicBoolean failing = new AtomicBoolean();
        static final List<MemoryAdded> received = new CopyOnWriteArrayList<>();

        @ApplicationModuleListener
        void on(MemoryAdded added) {
            if (failing.get()) {
                throw new IllegalStateException("the vault's disk is full");
            }
            received.add(added);
        }
    }

    @AfterAll
    static void dropSchema() {
        if (TestDatabases.postgresProblem() == null) {
            JdbcClient.create(new DriverManagerDataSource(TestDatabases.PG_URL,
                    TestDatabases.PG_USER, TestDatabases.PG_PASSWORD)).sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aFailedListenerGetsTheEventAgainOnceItIsAbandonedAfterARestartToo(String database) {
        MutableClock clock = new MutableClock(TestClockConfiguration.START);
        String data = TestDatabases.sqliteDataDir().resolve("events-" + database + "-" + UUID.randomUUID()).toString();
        String user = "events-" + UUID.randomUUID();
        String memoryId;
        String listener;
        FlakyListener.failing.set(true);
        try (ConfigurableApplicationContext app = start(database, clock, data)) {
            memoryId = app.getBean(MemoryIntake.class).remember(user, "My locker code is in the blue notebook", null)
                    .memory().id();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> failed(jdbc) == 1);
            clock.advance(EventRedelivery.ABANDONED_AFTER.minusSeconds(30));
            app.getBean(EventRedelivery.class).redeliver(); // too soon: its delivery started under five minutes ago
            assertThat(jdbc.sql("SELECT status || ':' || completion_attempts FROM event_publications WHERE listener_id LIKE ?")
                    .param("%FlakyListener%").query(String.class).single()).as("not claimed again").isEqualTo("FAILED:1");
            listener = jdbc.sql("SELECT listener_id FROM event_publications WHERE listener_id LIKE ?")
                    .param("%FlakyListener%").query(String.class).single();
        }

        FlakyListener.failing.set(false);
        try (ConfigurableApplicationContext app = start(database, clock, data)) {
            clock.advance(Duration.ofSeconds(31));
            app.getBean(EventRedelivery.class).redeliver();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> FlakyListener.received.stream().anyMatch(e -> e.memoryId().equals(memoryId)));
            assertThat(FlakyListener.received).filteredOn(e -> e.memoryId().equals(memoryId)).singleElement()
                    .satisfies(e -> assertThat(e.userId()).isEqualTo(user));
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                    "SELECT COUNT(*) FROM event_publications WHERE serialized_event LIKE ?").param("%" + memoryId + "%")
                    .query(Long.class).single() == 0);
            // A claim whose process died before its listener ran is taken over once abandoned, not before.
            String stuck = "stuck-" + UUID.randomUUID();
            jdbc.sql("INSERT INTO event_publications (id, listener_id, event_type, serialized_event, publication_date, "
                            + "status, completion_attempts, last_resubmission_date) VALUES (?, ?, ?, ?, ?, 'RESUBMITTED', 2, ?)")
                    .params(UUID.randomUUID().toString(), listener, MemoryAdded.class.getName(),
                            app.getBean(EventSerializer.class).serialize(new MemoryAdded(user, stuck, clock.instant())).toString(),
                            clock.millis() - EventRedelivery.ABANDONED_AFTER.toMillis() * 2, clock.millis() - 60_000)
                    .update();
            app.getBean(EventRedelivery.class).redeliver();
            assertThat(jdbc.sql("SELECT status FROM event_publications WHERE serialized_event LIKE ?").param("%" + stuck + "%")
                    .query(String.class).single()).as("claimed a minute ago: left to its claimer").isEqualTo("RESUBMITTED");
            clock.advance(EventRedelivery.ABANDONED_AFTER);
            app.getBean(EventRedelivery.class).redeliver();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> FlakyListener.received.stream().anyMatch(e -> e.memoryId().equals(stuck)));
            assertThatThrownBy(() -> app.getBean(TransactionTemplate.class).executeWithoutResult(status ->
                    app.getBean(JdbcEventPublications.class).create(TargetEventPublication.of(
                            new ForgottenSources(user, List.of(), List.of("secret")), PublicationTargetIdentifier.of("any")))))
                    .hasMessageContaining("must not be stored");
        }
    }

    private static long failed(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publications WHERE status = 'FAILED' AND listener_id LIKE ?")
                .param("%FlakyListener%").query(Long.class).single();
    }

    private static ConfigurableApplicationContext start(String database, MutableClock clock, String data) {
        List<String> properties = new ArrayList<>();
        if (database.equals("postgresql")) {
            TestDatabases.require(TestDatabases.postgresProblem() == null,
                    "PostgreSQL is not reachable at " + TestDatabases.PG_URL + ": " + TestDatabases.postgresProblem());
            properties.addAll(List.of(
                    "assistant.db.url=" + TestDatabases.PG_URL + (TestDatabases.PG_URL.contains("?") ? "&" : "?")
                            + "currentSchema=" + SCHEMA,
                    "assistant.db.user=" + TestDatabases.PG_USER,
                    "assistant.db.password=" + TestDatabases.PG_PASSWORD,
                    "spring.flyway.schemas=" + SCHEMA));
        }
        return Instances.start(clock, data, List.of(FlakyListener.class), properties.toArray(String[]::new));
    }
}
