package dev.mnemo.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One data source: the embedded SQLite file in the data directory unless {@code ASSISTANT_DB_URL} names
 * another database. Flyway applies the same migrations to either.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(AssistantProperties properties) {
        AssistantProperties.Db db = properties.db();
        if (db.embedded()) {
            Path file = dataDirectory(properties.dataDir()).resolve("mnemo.db");
            log.info("Using the embedded SQLite database at {}", file.toAbsolutePath());
            return sqlite("jdbc:sqlite:" + file.toAbsolutePath());
        }
        String url = db.url().trim();
        if (url.startsWith("jdbc:sqlite:")) {
            return sqlite(url);
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("ASSISTANT_DB_URL must start with jdbc:postgresql: or jdbc:sqlite:, got '"
                    + withoutQuery(url) + "'");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("mnemo-postgresql");
        config.setJdbcUrl(url);
        if (db.user() != null && !db.user().isBlank()) {
            config.setUsername(db.user());
        }
        if (db.password() != null && !db.password().isBlank()) {
            config.setPassword(db.password());
        }
        config.setMaximumPoolSize(10);
        log.info("Using PostgreSQL at {}", withoutQuery(url));
        return new HikariDataSource(config);
    }

    private static HikariDataSource sqlite(String url) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.setBusyTimeout(10_000);
        sqlite.enforceForeignKeys(true);
        // Writers take the lock when the transaction begins, so two writers queue on the busy timeout
        // instead of failing when a read transaction tries to upgrade.
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource target = new SQLiteDataSource(sqlite);
        target.setUrl(url);
        HikariConfig config = new HikariConfig();
        config.setPoolName("mnemo-sqlite");
        config.setDataSource(target);
        // One connection: SQLite has one writer anyway, and a second connection waiting on its lock waits in
        // native code, which pins a virtual thread's carrier; on two cores two such waits can starve the very
        // thread that holds the lock until the busy timeout fails them. Waiting in the pool parks instead.
        config.setMaximumPoolSize(1);
        return new HikariDataSource(config);
    }

    private static Path dataDirectory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dir.toAbsolutePath(), e);
        }
    }

    /** Connection URLs may carry a password as a parameter: never print that part. */
    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
    }
}
