package dev.mnemo.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.Instances;
import dev.mnemo.testing.RequiresPostgres;
import dev.mnemo.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances on one PostgreSQL fire the same scheduled job at the same moment: ShedLock lets one run it.
 * The backup is the job with no claim of its own in the data, so only the lock keeps it from running twice.
 */
@ExtendWith(RequiresPostgres.class)
class ScheduledJobsTwoInstancesTest {
    private static final String SCHEMA = "mnemo_jobs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @Test
    void twoInstancesTakeTheDailyBackupOnce() throws Exception {
        Path backups = TestDatabases.sqliteDataDir().resolve("jobs-backups-" + UUID.randomUUID());
        try (ConfigurableApplicationContext a = instance("a", backups); ConfigurableApplicationContext b = instance("b", backups)) {
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<?> fromA = pool.submit(() -> {
                together.await();
                a.getBean(BackupService.class).scheduled();
                return null;
            });
            Future<?> fromB = pool.submit(() -> {
                together.await();
                b.getBean(BackupService.class).scheduled();
                return null;
            });
            fromA.get();
            fromB.get();
            pool.shutdown();

            assertThat(a.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM backup_runs").query(Long.class).single()).isEqualTo(1);
            assertThat(a.getBean(JdbcClient.class).sql("SELECT name FROM shedlock").query(String.class).list()).contains("backup");
        } finally {
            try (Connection c = DriverManager.getConnection(TestDatabases.PG_URL, TestDatabases.PG_USER, TestDatabases.PG_PASSWORD)) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }

    private static ConfigurableApplicationContext instance(String name, Path backups) {
        return Instances.start(null, TestDatabases.sqliteDataDir().resolve("jobs-" + name).toString(),
                "assistant.db.url=" + TestDatabases.PG_URL + (TestDatabases.PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                "assistant.db.user=" + TestDatabases.PG_USER,
                "assistant.db.password=" + TestDatabases.PG_PASSWORD,
                "spring.flyway.schemas=" + SCHEMA,
                "assistant.backup.target=" + backups,
                "assistant.backup.scheduled=true",
                "assistant.backup.cron=-");
    }
}
