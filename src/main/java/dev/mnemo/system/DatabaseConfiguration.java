package dev.mnemo.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
    HikariDataSource dataSource(AssistantProperties properties, DataDirectory dataDirectory) {
        AssistantProperties.Db db = properties.db();
        if (db.embedded()) {
            return embedded(dataDirectory.database());
        }
        String url = db.url().trim();
        if (url.startsWith("jdbc:sqlite:")) {
            String file = url.substring("jdbc:sqlite:".length()).replaceFirst("^file:", "").replaceFirst("\\?.*$", "");
            if (file.isBlank() || file.startsWith(":memory:")) {
                return sqlite(url);
            }
            return embedded(DataDirectory.database(Path.of(file)));
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

    private static HikariDataSource embedded(Path file) {
        log.info("Using the embedded SQLite database at {}", file);
        HikariDataSource source = opened(file);
        DataDirectory.restrictDatabaseFiles(file);
        return source;
    }

    /** SQLite's own verdict on the file, as one line: a damaged database must not get as far as Flyway. */
    private static HikariDataSource opened(Path file) {
        HikariDataSource source;
        try {
            source = sqlite("jdbc:sqlite:" + file);
        } catch (RuntimeException e) {
            throw new StartupRefused("The database " + file + " cannot be opened: " + rootMessage(e), e);
        }
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT COUNT(*) FROM sqlite_master");
            return source;
        } catch (SQLException e) {
            source.close();
            throw new StartupRefused("The database " + file + " cannot be opened: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).replaceAll("\\s+", " ").strip();
    }

    /** Connection URLs may carry a password as a parameter: never print that part. */
    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
    }
}
