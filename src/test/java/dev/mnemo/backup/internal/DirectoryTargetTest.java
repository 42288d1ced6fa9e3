package dev.mnemo.backup.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
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
    void putStray(String name, byte[] content) {
        try {
            Files.write(directory.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
