package dev.mnemo.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryTargetTest extends BackupTargetContract {
    @TempDir
    Path temp;
    Path directory;

    @Override
    BackupTarget emptyTarget() {
        directory = temp.resolve("backups-" + UUID.randomUUID());
        return new DirectoryTarget(directory);
    }

    @Override
    String expectedLocation(String name) {
        return directory.resolve(name).toAbsolutePath().toString();
    }

    /** An unencrypted archive is the whole database: the owner's alone from its first byte, and never left half. */
    @Test
    void archivesAreTheOwnersAloneAndNoPartialFileStays() throws IOException {
        String name = Retention.name(Instant.parse("2026-11-26T03:30:00Z"));
        target.put(name, new byte[] {1, 2, 3});

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(name)))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(name);
        }
    }

    @Override
    void putStray(String name, byte[] content) {
        try {
            Files.write(directory.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
