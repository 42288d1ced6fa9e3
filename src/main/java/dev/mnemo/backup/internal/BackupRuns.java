package dev.mnemo.backup.internal;

import dev.mnemo.backup.BackupCompleted;
import dev.mnemo.backup.BackupProperties;
import dev.mnemo.backup.BackupStarted;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every backup is recorded in {@code backup_runs} — {@code RUNNING} from its start, so a killed one leaves a trace —
 * logged and counted; the last success is read from there.
 */
@Component
class BackupRuns {
    private static final Logger log = LoggerFactory.getLogger(BackupRuns.class);
    private static final int ERROR_KEPT = 500;

    private final JdbcClient jdbc;
    private final MeterRegistry meters;

    BackupRuns(JdbcClient jdbc, MeterRegistry meters, BackupProperties properties) {
        this.jdbc = jdbc;
        this.meters = meters;
        Gauge.builder("mnemo.backup.last.success", this, s -> s.lastSuccess().map(Instant::getEpochSecond).orElse(0L))
                .description("When the last backup succeeded (epoch seconds, 0 if never)").register(meters);
        Gauge.builder("mnemo.backup.configured", properties, p -> p.configured() ? 1 : 0)
                .description("1 when BACKUP_TARGET is set (scheduled backups run)").register(meters);
    }

    @EventListener
    void on(BackupStarted run) {
        jdbc.sql("INSERT INTO backup_runs (id, started_at, status) VALUES (?, ?, 'RUNNING')")
                .params(run.runId(), run.startedAt().toEpochMilli()).update();
    }

    @EventListener
    void on(BackupCompleted run) {
        String error = run.error() == null || run.error().length() <= ERROR_KEPT ? run.error()
                : run.error().substring(0, ERROR_KEPT);
        Long bytes = run.outcome() == BackupCompleted.Outcome.OK ? run.bytes() : null;
        int updated = jdbc.sql("UPDATE backup_runs SET finished_at = ?, status = ?, location = ?, bytes = ?, error = ? WHERE id = ?")
                .params(run.finishedAt().toEpochMilli(), run.outcome().name(), run.location(), bytes, error, run.runId())
                .update();
        if (updated == 0) { // it failed before it could be recorded as running
            jdbc.sql("INSERT INTO backup_runs (id, started_at, finished_at, status, location, bytes, error) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(run.runId(), run.startedAt().toEpochMilli(), run.finishedAt().toEpochMilli(),
                            run.outcome().name(), run.location(), bytes, error)
                    .update();
        }
        meters.counter("mnemo.backup.runs", "outcome", run.outcome().name().toLowerCase(Locale.ROOT)).increment();
        if (run.outcome() == BackupCompleted.Outcome.OK) {
            log.info("Backup written to {} ({} bytes, {} tables{}); retention removed {}", run.location(), run.bytes(),
                    run.tables(), run.encrypted() ? ", encrypted" : "", run.removed());
        } else {
            log.warn("Backup failed: {}", error);
        }
    }

    Optional<Instant> lastSuccess() {
        return jdbc.sql("SELECT MAX(finished_at) FROM backup_runs WHERE status = 'OK'")
                .query((rs, n) -> {
                    long at = rs.getLong(1);
                    return rs.wasNull() ? null : Instant.ofEpochMilli(at);
                }).optional();
    }
}
