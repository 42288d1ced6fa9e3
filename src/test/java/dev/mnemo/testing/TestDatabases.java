package dev.mnemo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases tests run against: a fresh SQLite data directory, and a fresh schema in the machine's real
 * PostgreSQL ({@code MNEMO_TEST_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/test}, user
 * {@code MNEMO_TEST_PG_USER}, default {@code postgres}). One of each per test JVM.
 */
public final class TestDatabases {
    public static final String PG_URL = env("MNEMO_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = env("MNEMO_TEST_PG_USER", "postgres");
    public static final String PG_PASSWORD = env("MNEMO_TEST_PG_PASSWORD", "");
    public static final String PG_SCHEMA = "mnemo_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static Path sqliteDir;

    private TestDatabases() {
    }

    public static synchronized Path sqliteDataDir() {
        if (sqliteDir == null) {
            try {
                sqliteDir = Files.createTempDirectory("mnemo-test-data");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sqliteDir;
    }

    /** The PostgreSQL URL pointing at this JVM's own schema. */
    public static String postgresUrl() {
        return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + PG_SCHEMA;
    }

    /** Null when PostgreSQL answers, else why not. */
    public static String postgresProblem() {
        try (Connection ignored = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** Leaves the shared test database as it was found. */
    public static void dropPostgresSchema() {
        dropPostgresSchema(PG_SCHEMA);
    }

    /** @param schema one of this JVM's test schemas (a name made here, never input) */
    public static void dropPostgresSchema(String schema) {
        try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
            connection.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("Could not drop test schema " + schema + ": " + e.getMessage());
        }
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * What a test needs from the machine (a tool, a data set): without it the test skips with {@code missing} as
     * its reason, except with {@code CI=true}, where it fails, so that a missing prerequisite never passes as green.
     */
    public static void require(boolean present, String missing) {
        if (!present && inCi()) {
            throw new AssertionError(missing + "; CI=true makes this a failure instead of a skip");
        }
        Assumptions.assumeTrue(present, missing);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
