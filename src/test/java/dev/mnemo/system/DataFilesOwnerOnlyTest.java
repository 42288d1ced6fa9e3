package dev.mnemo.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mnemo.testing.Api;
import dev.mnemo.testing.SqliteApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The running application's data directory and database files are the owner's alone. */
@SqliteApp
class DataFilesOwnerOnlyTest {
    @LocalServerPort
    int port;
    @Autowired
    DataDirectory dataDirectory;

    @Test
    void theDirectoryIs0700AndTheDatabaseAndItsWalAndShm0600() throws IOException {
        assertThat(new Api(port, SqliteApp.API_TOKEN).message("perm-user", "/help").status()).isEqualTo(200);
        Path dir = dataDirectory.path();

        assertThat(mode(dir)).isEqualTo("rwx------");
        for (String name : new String[] {"mnemo.db", "mnemo.db-wal", "mnemo.db-shm"}) {
            assertThat(dir.resolve(name)).exists();
            assertThat(mode(dir.resolve(name))).as(name).isEqualTo("rw-------");
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
