package dev.mnemo.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mnemo.memory.MemoryChanged.MemoryAdded;
import dev.mnemo.testing.Instances;
import dev.mnemo.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;

/** A listener of memory changes that fails is called again, with the same event, after the next start. */
class MemoryEventsAfterRestartTest {

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

    @Test
    void aFailedListenerGetsTheEventAgainAfterARestart() {
        Path data = TestDatabases.sqliteDataDir().resolve("events-restart-" + UUID.randomUUID());
        String user = "events-" + UUID.randomUUID();
        String memoryId;
        FlakyListener.failing.set(true);
        try (ConfigurableApplicationContext app = start(data)) {
            memoryId = app.getBean(MemoryIntake.class).remember(user, "My locker code is in the blue notebook", null)
                    .memory().id();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> failed(jdbc) == 1);
        }
        assertThat(FlakyListener.received).noneMatch(e -> e.memoryId().equals(memoryId));

        FlakyListener.failing.set(false);
        try (ConfigurableApplicationContext app = start(data)) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> FlakyListener.received.stream().anyMatch(e -> e.memoryId().equals(memoryId)));
            assertThat(FlakyListener.received).filteredOn(e -> e.memoryId().equals(memoryId)).singleElement()
                    .satisfies(e -> assertThat(e.userId()).isEqualTo(user));
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publications")
                    .query(Long.class).single() == 0);
        }
    }

    private static long failed(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publications WHERE status = 'FAILED' AND listener_id LIKE ?")
                .param("%FlakyListener%").query(Long.class).single();
    }

    private static ConfigurableApplicationContext start(Path data) {
        return Instances.start(null, data.toString(), List.of(FlakyListener.class));
    }
}
