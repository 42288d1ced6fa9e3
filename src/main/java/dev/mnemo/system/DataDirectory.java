package dev.mnemo.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Arrays;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The data directory ({@code ASSISTANT_DATA_DIR}): checked before anything in it is opened, owner-only (0700, its
 * files 0600) whatever the umask. A path that cannot hold Mnemo's data — a file, a read-only directory, a database
 * file that is not SQLite or is truncated — refuses the start with one line naming the path and the cause, and is
 * left untouched.
 */
@Component
public final class DataDirectory {
    /** The embedded database's file name. */
    public static final String DATABASE = "mnemo.db";

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path path;

    public DataDirectory(AssistantProperties properties) {
        this.path = prepare(properties.dataDir().toAbsolutePath().normalize());
    }

    public Path path() {
        return path;
    }

    /**
     * A file in the data directory, created empty and owner-only when missing, so that whatever opens it next
     * (SQLite copies the database's mode to its WAL and SHM files) keeps it private.
     */
    public Path ownerOnlyFile(String name) {
        return ownerOnly(path.resolve(name));
    }

    private static Path ownerOnly(Path file) {
        try {
            if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            }
            restrict(file, FILE);
            return file;
        } catch (IOException e) {
            throw refused(file, e);
        }
    }

    /** Checks the embedded database before SQLite opens (and could rewrite) it; creates it owner-only when new. */
    public Path database() {
        return database(path.resolve(DATABASE));
    }

    /**
     * The same checks for an SQLite file named by {@code ASSISTANT_DB_URL=jdbc:sqlite:…}, wherever it is; its
     * directory must exist.
     */
    public static Path database(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new StartupRefused("The database " + file + " is in a directory that does not exist");
        }
        if (Files.exists(file)) {
            checkDatabase(file);
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path companion = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(companion)) {
                    requireWritableFile(companion);
                    restrictQuietly(companion, FILE);
                }
            }
        }
        return ownerOnly(file);
    }

    /** After SQLite has opened a database: it and its WAL and SHM files owner-only. */
    public static void restrictDatabaseFiles(Path database) {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path file = database.resolveSibling(database.getFileName() + suffix);
            if (Files.exists(file)) {
                restrictQuietly(file, FILE);
            }
        }
    }

    private static Path prepare(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StartupRefused("The data directory " + dir + " is a file, not a directory"
                    + " (set ASSISTANT_DATA_DIR to a directory)");
        }
        try {
            if (Files.notExists(dir)) {
                Path parent = dir.getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            }
        } catch (UnsupportedOperationException notPosix) {
            createPlain(dir);
        } catch (IOException e) {
            throw refused(dir, e);
        }
        if (!writable(dir)) {
            throw new StartupRefused("The data directory " + dir + " is read-only: Mnemo needs to write there");
        }
        requireOwnedByUs(dir);
        restrictQuietly(dir, DIRECTORY);
        return dir;
    }

    /**
     * A directory someone else owns could hold a planted token file or database: refused. (When the process runs
     * as a user the system cannot name, as in some containers, the owner cannot be compared and is not.)
     */
    private static void requireOwnedByUs(Path dir) {
        try {
            UserPrincipal us = dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            UserPrincipal owner = Files.getOwner(dir);
            if (!owner.equals(us)) {
                throw new StartupRefused("The data directory " + dir + " belongs to " + owner.getName() + ", not to "
                        + us.getName() + " who runs Mnemo: another user could have put files there");
            }
        } catch (IOException | UnsupportedOperationException cannotTell) {
            // no such user name on this system, or no owners on this file system
        }
    }

    private static void createPlain(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw refused(dir, e);
        }
    }

    private static void checkDatabase(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StartupRefused("The database " + file + " is not a regular file");
        }
        requireWritableFile(file);
        long size;
        byte[] header = new byte[100];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            throw refused(file, e);
        }
        if (size == 0) {
            return; // SQLite's own empty database
        }
        if (read < header.length || !Arrays.equals(header, 0, SQLITE_HEADER.length, SQLITE_HEADER, 0, SQLITE_HEADER.length)) {
            throw new StartupRefused("The database " + file + " is not an SQLite database (" + size
                    + " bytes without SQLite's header); move it away or point ASSISTANT_DATA_DIR elsewhere");
        }
        int pageSize = ((header[16] & 0xff) << 8) | (header[17] & 0xff);
        pageSize = pageSize == 1 ? 65_536 : pageSize;
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
            throw new StartupRefused("The database " + file + " is damaged: its header gives a page size of " + pageSize);
        }
        long expected = pageSize * (long) bigEndian(header, 28);
        // Pages a crash left in the write-ahead log are not in the file yet: SQLite recovers them, so only a
        // database without a WAL is held to its header's page count.
        boolean countValid = bigEndian(header, 24) == bigEndian(header, 92) && !hasWal(file);
        if (size % pageSize != 0 || countValid && expected > size) {
            throw new StartupRefused("The database " + file + " is truncated: " + size + " bytes"
                    + (countValid ? " of " + expected : "") + "; restore it from a backup (java -jar mnemo.jar restore)");
        }
    }

    private static boolean hasWal(Path database) {
        Path wal = database.resolveSibling(database.getFileName() + "-wal");
        try {
            return Files.exists(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static void requireWritableFile(Path file) {
        if (!writable(file)) {
            throw new StartupRefused("The database file " + file + " is read-only: Mnemo needs to write to it");
        }
    }

    /** Owner write permission as well as access(2): root passes access(2) on a file that is plainly read-only. */
    private static boolean writable(Path file) {
        if (!Files.isWritable(file)) {
            return false;
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        try {
            return posix == null || posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE);
        } catch (IOException e) {
            return false;
        }
    }

    private static int bigEndian(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    private static void restrict(Path file, Set<PosixFilePermission> permissions) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (posix != null && !posix.readAttributes().permissions().equals(permissions)) {
            posix.setPermissions(permissions);
        }
    }

    /** Narrowing permissions is best effort on a directory someone else owns; reading and writing is what counts. */
    private static void restrictQuietly(Path file, Set<PosixFilePermission> permissions) {
        try {
            restrict(file, permissions);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not ours to change: the checks above already established that Mnemo can work here
        }
    }

    private static StartupRefused refused(Path path, IOException e) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        return new StartupRefused("Cannot use " + path + ": " + reason, e);
    }
}
