package dev.mnemo.vault.internal;

import dev.mnemo.vault.internal.VaultStore.WrittenFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What one sync has found and done so far: the state its steps hand on to each other. */
final class SyncRun {
    final String user;
    final Path root;
    /** Path → what Mnemo last wrote there. */
    final Map<String, WrittenFile> files;
    /** Memory id → its note as Mnemo last wrote it (conflict notes aside). */
    final Map<String, WrittenFile> noteOf = new HashMap<>();
    /** Memories whose notes must be written again. */
    final Set<String> dirty = new HashSet<>();
    /** Paths of the folder that changed in this sync: the only ones a commit looks at. */
    final Set<String> changed = new TreeSet<>();
    /** Files that could not be read (not UTF-8, broken properties) or applied: left as they are, read again next time. */
    final Set<String> unreadable = new TreeSet<>();
    int fromVault;
    int conflicts;
    boolean rewriteAll;
    /** Look through the whole folder for notes nothing should keep (after a reset to the remote, a forget). */
    boolean sweep;

    SyncRun(String user, Path root, Map<String, WrittenFile> files) {
        this.user = user;
        this.root = root;
        this.files = files;
        files.values().stream().filter(f -> f.memoryId() != null && !VaultView.isConflict(f.path()))
                .forEach(f -> noteOf.put(f.memoryId(), f));
    }

    /** Deleted notes whose prune was refused: left out of the commit, so the next sync tries again. */
    final Set<String> retry = new TreeSet<>();

    /** The changed paths a commit may take: not unreadable files still there, which wait for the person. */
    Set<String> committable() {
        Set<String> paths = new TreeSet<>(changed);
        paths.removeIf(path -> retry.contains(path) || unreadable.contains(path) && Files.exists(root.resolve(path)));
        return paths;
    }

    static boolean isMemoryId(String pendingId) {
        return !pendingId.isEmpty() && !pendingId.startsWith("!");
    }
}
