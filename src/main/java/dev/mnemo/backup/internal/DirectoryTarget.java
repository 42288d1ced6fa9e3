package dev.mnemo.backup.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** Archives in a directory; each written to a temporary file and moved into place, so none is ever half there. */
final class DirectoryTarget implements BackupTarget {
    private final Path directory;

    DirectoryTarget(Path directory) {
        this.directory = directory;
    }

    @Override
    public String put(String name, byte[] archive) {
        try {
            Files.createDirectories(directory);
            Path partial = directory.resolve(name + ".partial");
            Files.write(partial, archive);
            try {
                // Owner only: an unencrypted archive is the whole database.
                Files.setPosixFilePermissions(partial, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: its own permissions apply.
            }
            Path target = directory.resolve(name);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target.toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the backup to " + directory, e);
        }
    }

    @Override
    public byte[] get(String name) {
        try {
            return Files.readAllBytes(directory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(Retention::isArchive).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String name) {
        try {
            Files.deleteIfExists(directory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
