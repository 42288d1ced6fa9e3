package dev.mnemo.backup.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.mnemo.backup.BackupCompleted;
import dev.mnemo.backup.BackupException;
import dev.mnemo.backup.BackupProperties;
import dev.mnemo.backup.BackupResult;
import dev.mnemo.backup.BackupStarted;
import dev.mnemo.backup.Backups;
import dev.mnemo.system.Ids;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

@Service
class BackupService implements Backups {
    private static final Logger log = LoggerFactory.getLogger(BackupService.class);

    private final BackupProperties properties;
    private final DataSource dataSource;
    private final Flyway flyway;
    private final BackupRuns runs;
    private final S3Clients s3;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BackupService(BackupProperties properties, DataSource dataSource, Flyway flyway, BackupRuns runs, S3Clients s3,
                  ApplicationEventPublisher events, Clock clock) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.flyway = flyway;
        this.runs = runs;
        this.s3 = s3;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The daily backup; with several instances, one takes it. Its lock is a lease the running instance keeps
     * renewing, so a killed one holds nothing up for long; an instance whose clock runs a little behind finds the
     * backup just taken and does not take another.
     */
    @Scheduled(cron = "${assistant.backup.cron}")
    @SchedulerLock(name = "backup", lockAtMostFor = "PT1M")
    public void scheduled() {
        if (!properties.configured() || !properties.scheduled()) {
            return;
        }
        if (lastSuccess().filter(at -> at.isAfter(clock.instant().minus(Duration.ofMinutes(10)))).isPresent()) {
            log.info("Skipping the scheduled backup: one finished less than 10 minutes ago");
            return;
        }
        try {
            backup(null);
        } catch (RuntimeException e) {
            log.error("The scheduled backup failed", e);
        }
    }

    @Override
    public BackupResult backup(String target) {
        String where = target == null || target.isBlank() ? properties.target() : target;
        if (where == null || where.isBlank()) {
            throw new BackupException("no backup target: set BACKUP_TARGET (a directory or s3://bucket/prefix) or pass --to");
        }
        Instant started = clock.instant();
        String run = Ids.newId(clock);
        try {
            DatabaseSnapshot.Exported exported;
            try (Connection snapshot = snapshotConnection()) {
                exported = DatabaseSnapshot.export(snapshot, schemaVersion(), started);
                snapshot.rollback();
            }
            // After the snapshot: an archive never holds its own unfinished run.
            events.publishEvent(new BackupStarted(run, started));
            byte[] archive = ArchiveFormat.seal(exported.zip(), properties.encryptionKey());
            BackupTarget store = target(where);
            String location = store.put(Retention.name(started), archive);
            int removed = 0;
            try {
                for (String old : Retention.toDelete(store.list(), properties.keepDaily(), properties.keepWeekly(), properties.keepMonthly())) {
                    store.delete(old);
                    removed++;
                }
            } catch (RuntimeException e) {
                // The new archive is safe; only tidying failed, which the next run retries.
                log.warn("Backup written to {}, but removing old archives failed: {}", location, e.toString());
            }
            events.publishEvent(new BackupCompleted(run, started, clock.instant(), BackupCompleted.Outcome.OK, location,
                    archive.length, exported.rows().size(), removed, properties.encrypted(), null));
            return new BackupResult(location, started, exported.rows(), archive.length, removed);
        } catch (SQLException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            try {
                events.publishEvent(new BackupCompleted(run, started, clock.instant(), BackupCompleted.Outcome.FAILED, null, 0,
                        0, 0, properties.encrypted(), reason));
            } catch (RuntimeException recording) {
                e.addSuppressed(recording); // the database may be what failed: the backup's own error comes first
            }
            throw e instanceof BackupException b ? b : new BackupException("the backup failed: " + reason, e);
        }
    }

    @Override
    public Map<String, Long> restore(String archive, boolean force) {
        byte[] bytes = read(archive);
        if (properties.encrypted() && !ArchiveFormat.encrypted(bytes)) {
            // An unencrypted archive where encrypted ones are made could have been put there by someone else:
            // its checksums live inside it and prove nothing.
            throw new BackupException("the archive is not encrypted, but BACKUP_ENCRYPTION_KEY is set: refusing an archive "
                    + "that could have been replaced (unset the key to restore a plain archive you trust)");
        }
        DatabaseSnapshot.Contents contents = DatabaseSnapshot.read(ArchiveFormat.open(bytes, properties.encryptionKey()));
        String current = schemaVersion();
        if (compareVersions(contents.schemaVersion(), current) > 0) {
            throw new BackupException("the archive was made by a newer Mnemo (schema " + contents.schemaVersion()
                    + ", this one has " + current + "); upgrade first");
        }
        try (Connection target = dataSource.getConnection()) {
            boolean autoCommit = target.getAutoCommit();
            target.setAutoCommit(false);
            try {
                Map<String, Long> restored = DatabaseSnapshot.restore(contents, target, force);
                target.commit();
                log.info("Restored {} tables from {} (made {})", restored.size(), archive, contents.createdAt());
                return restored;
            } catch (SQLException | RuntimeException e) {
                target.rollback();
                throw e;
            } finally {
                target.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new BackupException("the restore failed and was rolled back: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Instant> lastSuccess() {
        return runs.lastSuccess();
    }

    private byte[] read(String archive) {
        try {
            if (S3Location.is(archive)) {
                S3Location at = S3Location.parse(archive);
                if (at.name().isEmpty()) {
                    throw new BackupException("an S3 archive is s3://bucket/key, with the archive's name at the end");
                }
                return new S3Target(s3.get(), at.bucket(), at.prefix()).get(at.name());
            }
            return Files.readAllBytes(Path.of(archive));
        } catch (IOException | RuntimeException e) {
            if (e instanceof BackupException b) {
                throw b;
            }
            throw new BackupException("cannot read the archive " + archive + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
    }

    private BackupTarget target(String where) {
        if (S3Location.is(where)) {
            S3Location at = S3Location.parse(where);
            return new S3Target(s3.get(), at.bucket(), at.key());
        }
        return new DirectoryTarget(Path.of(where));
    }

    /**
     * A connection in a snapshot transaction: SQLite's deferred read transaction on a connection of its own (WAL
     * keeps writers going; the pool's one SQLite connection is the app's), PostgreSQL's repeatable read on a
     * pooled one (the pool resets isolation, read-only and auto-commit when it is returned).
     */
    private Connection snapshotConnection() throws SQLException {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        Connection connection;
        if (hikari.getDataSource() instanceof SQLiteDataSource sqlite) {
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(10_000);
            config.setReadOnly(true);
            connection = config.createConnection(sqlite.getUrl());
            connection.setAutoCommit(false);
        } else {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
        }
        return connection;
    }

    private String schemaVersion() {
        var current = flyway.info().current();
        return current == null ? "0" : current.getVersion().getVersion();
    }

    static int compareVersions(String a, String b) {
        List<Integer> x = Arrays.stream(a.split("\\.")).map(Integer::parseInt).toList();
        List<Integer> y = Arrays.stream(b.split("\\.")).map(Integer::parseInt).toList();
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            int c = Integer.compare(i < x.size() ? x.get(i) : 0, i < y.size() ? y.get(i) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
