package dev.mnemo.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory that cannot hold Mnemo's data refuses the start, names the path and the cause, and is left as it was. */
class DataDirectoryTest {
    @TempDir
    Path temp;

    @Test
    void aFileInsteadOfADirectoryIsRefused() throws IOException {
        Path file = Files.writeString(temp.resolve("data"), "notes");

        assertRefused(file, "is a file, not a directory");
        assertThat(Files.readString(file)).isEqualTo("notes");
    }

    @Test
    void aDatabaseFileThatIsNotSqliteIsRefusedAndLeftAlone() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("data"));
        byte[] notes = "My diary, not a database. ".repeat(20).getBytes(StandardCharsets.UTF_8);
        Path db = Files.write(dir.resolve(DataDirectory.DATABASE), notes);

        assertRefused(dir, db + " is not an SQLite database");
        assertThat(Files.readAllBytes(db)).isEqualTo(notes);
    }

    @Test
    void anSqliteFileNamedByTheDatabaseUrlIsCheckedTheSameWay() throws IOException {
        Path elsewhere = Files.write(temp.resolve("elsewhere.db"), "not a database at all, no header".repeat(10).getBytes());

        assertThatThrownBy(() -> DataDirectory.database(elsewhere)).isInstanceOf(StartupRefused.class)
                .hasMessageContaining(elsewhere + " is not an SQLite database");
        Path fresh = DataDirectory.database(temp.resolve("fresh.db"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rw-------");
    }

    @Test
    void aTruncatedDatabaseIsRefusedAndLeftAlone() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("data"));
        Path db = dir.resolve(DataDirectory.DATABASE);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (text TEXT)");
            for (int i = 0; i < 200; i++) {
                statement.execute("INSERT INTO notes VALUES ('" + "n".repeat(100) + i + "')");
            }
        }
        try (RandomAccessFile file = new RandomAccessFile(db.toFile(), "rw")) {
            file.setLength(file.length() / 2 + 100);
        }
        byte[] before = Files.readAllBytes(db);

        assertRefused(dir, db + " is truncated");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void aReadOnlyDirectoryOrDatabaseIsRefused() throws IOException {
        Path dir = Files.createDirectory(temp.resolve("data"));
        Path db = Files.createFile(dir.resolve(DataDirectory.DATABASE));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--------"));
        assertRefused(dir, db + " is read-only");

        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
        try {
            assertRefused(dir, dir + " is read-only");
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aNewDirectoryAndDatabaseAreOwnerOnlyWhateverTheUmask() throws IOException {
        Path dir = temp.resolve("fresh").resolve("data");
        DataDirectory data = new DataDirectory(properties(dir));
        Path db = data.database();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-------");

        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        new DataDirectory(properties(dir)).database();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-------");
    }

    /** The packaged start-up, in a child process: one line naming the path and the cause, no stack trace. */
    @Test
    void theStartStopsWithOneLineAndNoStackTrace() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("data"));
        Path db = Files.writeString(dir.resolve(DataDirectory.DATABASE), "x".repeat(500));
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.mnemo.MnemoApplication").redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("ASSISTANT_DATA_DIR", dir.toString());
        env.put("SERVER_PORT", "0");
        for (String key : List.of("ASSISTANT_DB_URL", "ANTHROPIC_API_KEY", "OPENAI_API_KEY", "OPENAI_BASE_URL", "REDIS_URL",
                "TWILIO_ACCOUNT_SID", "DISCORD_BOT_TOKEN", "BACKUP_TARGET", "SENTRY_DSN")) {
            env.remove(key);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).contains(db + " is not an SQLite database").doesNotContain("\tat ", "Caused by");
        assertThat(output.lines().filter(line -> line.contains("is not an SQLite database")).count())
                .as(output).isEqualTo(1);
        assertThat(Files.readString(db)).isEqualTo("x".repeat(500));
    }

    private static void assertRefused(Path dir, String message) {
        assertThatThrownBy(() -> new DataDirectory(properties(dir)).database())
                .isInstanceOf(StartupRefused.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static AssistantProperties properties(Path dir) {
        return new AssistantProperties(dir, "token", null);
    }
}
