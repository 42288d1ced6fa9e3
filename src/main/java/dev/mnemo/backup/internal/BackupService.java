package dev.mnemo.backup.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.mnemo.backup.BackupException;
import dev.mnemo.backup.BackupProperties;
import dev.mnemo.backup.BackupResult;
import dev.mnemo.backup.Backups;
import dev.mnemo.system.Ids;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

@Service
class BackupService implements Backups {
    private static final Logger log = LoggerFactory.getLogger(BackupService.class);

    private final BackupProperties properties;
    private final DataSource dataSource;
    private final Flyway flyway;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final MeterRegistry meters;
    private volatile S3Client s3;

    BackupService(BackupProperties properties, DataSource dataSource, Flyway flyway, JdbcClient jdbc, Clock clock,
                  MeterRegistry meters) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.flyway = flyway;
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("mnemo.backup.last.success", this, s -> s.lastSuccess().map(Instant::getEpochSecond).orElse(0L))
                .description("When the last backup succeeded (epoch seconds, 0 if never)").register(meters);
        Gauge.builder("mnemo.backup.configured", this, s -> s.properties.configured() ? 1 : 0)
                .description("1 when BACKUP_TARGET is set (scheduled backups run)").register(meters);
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
        String run = Ids.newId(clock);
        Instant started = clock.instant();
        jdbc.sql("INSERT INTO backup_runs (id, started_at, status) VALUES (?, ?, 'RUNNING')").params(run, started.toEpochMilli()).update();
        try {
            DatabaseSnapshot.Exported exported;
            try (Connection snapshot = snapshotConnection()) {
                exported = DatabaseSnapshot.export(snapshot, schemaVersion(), started);
                snapshot.rollback();
            }
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
            jdbc.sql("UPDATE backup_runs SET status = 'OK', finished_at = ?, location = ?, bytes = ? WHERE id = ?")
                    .params(clock.millis(), location, archive.length, run).update();
            log.info("Backup written to {} ({} bytes, {} tables{}); retention removed {}", location, archive.length,
                    exported.rows().size(), properties.encrypted() ? ", encrypted" : "", removed);
            meters.counter("mnemo.backup.runs", "outcome", "ok").increment();
            return new BackupResult(location, started, exported.rows(), archive.length, removed);
        } catch (SQLException | RuntimeException e) {
            meters.counter("mnemo.backup.runs", "outcome", "failed").increment();
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            jdbc.sql("UPDATE backup_runs SET status = 'FAILED', finished_at = ?, error = ? WHERE id = ?")
                    .params(clock.millis(), reason.length() > 500 ? reason.substring(0, 500) : reason, run).update();
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
        return jdbc.sql("SELECT MAX(finished_at) FROM backup_runs WHERE status = 'OK'")
                .query((rs, n) -> {
                    long at = rs.getLong(1);
                    return rs.wasNull() ? null : Instant.ofEpochMilli(at);
                }).optional();
    }

    private byte[] read(String archive) {
        try {
            if (S3Location.is(archive)) {
                S3Location at = S3Location.parse(archive);
                if (at.name().isEmpty()) {
                    throw new BackupException("an S3 archive is s3://bucket/key, with the archive's name at the end");
                }
                return new S3Target(s3(), at.bucket(), at.prefix()).get(at.name());
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
            return new S3Target(s3(), at.bucket(), at.key());
        }
        return new DirectoryTarget(Path.of(where));
    }

    private S3Client s3() {
        S3Client client = s3;
        if (client == null) {
            synchronized (this) {
                if (s3 == null) {
                    s3 = newS3Client();
                }
                client = s3;
            }
        }
        return client;
    }

    private S3Client newS3Client() {
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(properties.s3Region()))
                .credentialsProvider(properties.s3AccessKey() == null || properties.s3AccessKey().isBlank()
                        ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(properties.s3AccessKey(), properties.s3SecretKey())));
        if (properties.s3Endpoint() != null && !properties.s3Endpoint().isBlank()) {
            // S3-compatible stores (B2, MinIO, older ones) do not all accept the SDK's default checksum trailers.
            builder.endpointOverride(URI.create(properties.s3Endpoint())).forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    /**
     * A connection of its own, in a snapshot transaction: SQLite's deferred read transaction (WAL keeps writers
     * going), PostgreSQL's repeatable read. Not from the pool, whose one SQLite connection the app needs.
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
            connection = DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
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
