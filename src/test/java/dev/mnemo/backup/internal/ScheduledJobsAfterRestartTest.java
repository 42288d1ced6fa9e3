package dev.mnemo.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.Instances;
import dev.mnemo.testing.TestDatabases;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** On the embedded SQLite database, scheduled jobs keep running after a restart (the lock never gets in the way). */
class ScheduledJobsAfterRestartTest {

    @Test
    void theDailyBackupRunsAgainAfterARestart() {
        Path data = TestDatabases.sqliteDataDir().resolve("restart-jobs-" + UUID.randomUUID());
        for (int start = 1; start <= 2; start++) {
            try (ConfigurableApplicationContext app = start(data)) {
                app.getBean(BackupService.class).scheduled();
                app.getBean(BackupService.class).scheduled(); // within the hour: not taken twice
                JdbcClient jdbc = app.getBean(JdbcClient.class);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM backup_runs WHERE status = 'OK'")
                        .query(Long.class).single()).isEqualTo(start);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM backup_runs").query(Long.class).single())
                        .as("each run one row, RUNNING until it finished").isEqualTo(start);
                // a day passes before the next start
                jdbc.sql("UPDATE backup_runs SET started_at = started_at - 86400000, finished_at = finished_at - 86400000").update();
            }
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        return Instances.start(null, data.toString(), "assistant.backup.target=" + data.resolve("backups"),
                "assistant.backup.scheduled=true", "assistant.backup.cron=-");
    }
}
