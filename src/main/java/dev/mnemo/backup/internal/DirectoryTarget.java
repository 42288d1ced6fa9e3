package dev.mnemo.backup.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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
            Path partial = directory.resolve(name + ".partial");
            // Owner only from the first byte: an unencrypted archive is the whole database.
            try {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                Files.deleteIfExists(partial);
                Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createDirectories(directory); // its own permissions apply
            }
            Files.write(partial, archive);
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
