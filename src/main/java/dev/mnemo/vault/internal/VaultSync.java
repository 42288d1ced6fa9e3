package dev.mnemo.vault.internal;

import dev.mnemo.vault.SyncReport;
import dev.mnemo.vault.Vault;
import dev.mnemo.vault.VaultProperties;
import dev.mnemo.vault.VaultStatus;
import dev.mnemo.vault.internal.VaultStore.SyncState;
import dev.mnemo.vault.internal.VaultStore.WrittenFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * One sync of the vault, in this order: the person's edits made in the folder itself and then those the remote
 * brings (another device's pushes) reach their memories — an edit as an EDITED change with history, a deleted note
 * as a prune, an Inbox line through the write path, a memory changed on both sides as a conflict note with both
 * versions —; then the notes the changes touch are written, committed as Mnemo and pushed. Mnemo's own unpushed
 * commits are renders of the database, so when the remote moved on they are rebuilt on top of it rather than
 * merged: history stays linear, as with a rebase, and no side is ever dropped by a merge tool. One sync runs at a
 * time, however it was asked for.
 */
@Service
class VaultSync implements Vault {
    static final String OWNER = "owner";
    private static final String LOCK = "vault-sync";
    private static final Logger log = LoggerFactory.getLogger(VaultSync.class);

    private final VaultProperties properties;
    private final VaultStore store;
    private final VaultReadBack readBack;
    private final VaultWriter writer;
    private final ConflictNotes conflicts;
    private final LockingTaskExecutor locks;
    private final Clock clock;

    VaultSync(VaultProperties properties, VaultStore store, VaultReadBack readBack, VaultWriter writer,
              ConflictNotes conflicts, LockProvider locks, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.readBack = readBack;
        this.writer = writer;
        this.conflicts = conflicts;
        this.locks = new DefaultLockingTaskExecutor(locks);
        this.clock = clock;
    }

    @Override
    public boolean on() {
        return properties.on();
    }

    @Override
    public String user() {
        return properties.user() == null || properties.user().isBlank() ? OWNER : properties.user().strip();
    }

    @Override
    public boolean historyKeepsForgotten() {
        return !properties.gitPurge();
    }

    @Override
    public VaultStatus status() {
        if (!on()) {
            return new VaultStatus(false, null, null, 0, VaultStatus.Remote.NONE, null);
        }
        Optional<SyncState> state = store.state(user());
        int pending = (int) store.pending(user()).keySet().stream().filter(SyncRun::isMemoryId).count();
        String error = state.map(SyncState::remoteError).orElse(null);
        VaultStatus.Remote remote = !properties.hasRemote() ? VaultStatus.Remote.NONE
                : error != null ? VaultStatus.Remote.UNREACHABLE : VaultStatus.Remote.UP_TO_DATE;
        return new VaultStatus(true, properties.root().toString(), state.map(SyncState::syncedAt).orElse(null), pending,
                remote, error);
    }

    @Override
    public SyncReport sync() {
        if (!on()) {
            return new SyncReport("the vault is off", 0, 0, 0, false, 0);
        }
        TaskResult<SyncReport> result;
        try {
            result = locks.executeWithLock(this::syncNow,
                    new LockConfiguration(clock.instant(), LOCK, Duration.ofMinutes(10), Duration.ZERO));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return result.wasExecuted() ? result.getResult()
                : new SyncReport("another sync is running", 0, 0, 0, false, 0);
    }

    @Override
    public int export(String userId, Path dir, IntConsumer progress) throws IOException {
        return writer.export(userId, dir.resolve(properties.folder()), progress);
    }

    private synchronized SyncReport syncNow() {
        String user = user();
        Instant started = clock.instant();
        Map<String, Long> marks = store.pending(user);
        SyncState before = store.state(user).orElse(new SyncState(null, null, null));
        Path root = properties.root();
        try (VaultGit git = VaultGit.open(root, user, GitRemote.of(properties))) {
            SyncRun run = new SyncRun(user, root, store.files(user));
            Set<String> uncommitted = git.uncommitted();
            run.changed.addAll(uncommitted);
            readBack.inbox(run);
            readBack.notes(run, uncommitted, path -> Optional.empty());
            run.sweep |= uncommitted.stream().anyMatch(p -> VaultView.isMemoryNote(p) && !run.files.containsKey(p));
            String remoteError = null;
            Optional<ObjectId> theirs = Optional.empty();
            if (properties.hasRemote()) {
                try {
                    theirs = git.fetch();
                    if (theirs.isPresent() && !git.contains(theirs.get())) {
                        takeRemote(git, theirs.get(), run);
                    }
                } catch (GitAPIException | IOException | RuntimeException e) {
                    remoteError = Secrets.hidden(e, properties.gitToken());
                }
            }
            run.rewriteAll |= marks.containsKey(VaultStore.ALL);
            int written = writer.write(run, marks.keySet());
            Map<Change, Integer> counts = store.countUncommitted(user);
            String summary = summary(counts, before.syncedAt() == null, run);
            boolean committed = git.commit(run.committable(), summary, clock.instant());
            boolean purge = marks.containsKey(VaultStore.PURGE) && git.head().isPresent();
            if (purge) {
                // Forget means forget: no commit may still hold the forgotten text, here or (force-pushed) there.
                git.replaceHistory("Vault history rewritten: forgotten memories removed from every commit",
                        clock.instant());
                log.info("The vault's git history was rewritten after a forget; other clones must clone it again");
            }
            boolean pushed = false;
            Instant pushedAt = before.pushedAt();
            if (properties.hasRemote() && remoteError == null) {
                try {
                    git.push(purge, theirs);
                    pushed = true;
                    pushedAt = clock.instant();
                } catch (GitAPIException | IOException | RuntimeException e) {
                    remoteError = Secrets.hidden(e, properties.gitToken());
                }
            }
            if (remoteError != null) {
                log.warn("The vault's remote could not be reached; its commits wait for the next push: {}", remoteError);
            }
            Map<String, Long> done = new HashMap<>(marks);
            if (properties.hasRemote() && !pushed) {
                done.remove(VaultStore.PURGE); // the remote still holds the forgotten text: rewrite it next time
            }
            store.donePending(user, done);
            store.saveState(user, new SyncState(started, pushedAt, remoteError));
            return new SyncReport(committed ? summary : "nothing changed", written, run.fromVault, run.conflicts, pushed,
                    run.unreadable.size());
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException("the vault at " + root + " could not be synced: "
                    + Secrets.hidden(e, properties.gitToken()), e);
        }
    }

    /**
     * The remote has commits this branch lacks. Everything in the folder is committed first, so the reset loses
     * nothing; what the remote changed since the last shared commit reaches the memories (judged against that
     * commit's notes), the folder becomes the remote's, and everything this side changed is put back on top: the
     * notes Mnemo renders by writing them again, the person's own files (and conflict notes) from this side's commit,
     * both kept when both sides changed one.
     */
    private void takeRemote(VaultGit git, ObjectId theirs, SyncRun run) throws IOException, GitAPIException {
        git.commit(run.committable(), "Changes made in the vault", clock.instant());
        run.changed.clear();
        Optional<ObjectId> ours = git.head();
        Optional<ObjectId> base = ours.isEmpty() ? Optional.empty() : git.mergeBase(ours.get(), theirs);
        Set<String> oursChanged = ours.isEmpty() ? Set.of() : git.changed(base, ours.get());
        Set<String> theirsChanged = git.changed(base, theirs);
        Map<String, byte[]> aside = new HashMap<>();
        for (String path : run.unreadable) {
            Path file = VaultFiles.inside(run.root, path);
            if (VaultFiles.isFile(file)) {
                aside.put(path, Files.readAllBytes(file));
            }
        }
        git.resetTo(theirs);
        for (Map.Entry<String, byte[]> file : aside.entrySet()) {
            Files.write(VaultFiles.inside(run.root, file.getKey()), file.getValue());
        }
        for (String path : oursChanged) {
            if (!VaultView.rendered(path) && !aside.containsKey(path)) {
                Optional<byte[]> mine = git.bytes(ours.get(), path);
                Optional<byte[]> remote = git.bytes(theirs, path);
                if (!theirsChanged.contains(path) || remote.isEmpty()) {
                    putBack(run, path, mine);
                } else if (mine.isPresent() && !Arrays.equals(mine.get(), remote.get())) {
                    conflicts.keepBoth(run, path, mine.get());
                }
            }
            WrittenFile file = run.files.get(path);
            if (file != null && file.memoryId() != null) {
                run.dirty.add(file.memoryId());
            }
        }
        if (theirsChanged.contains(VaultView.INBOX)) {
            readBack.inbox(run);
        }
        Map<String, Optional<MemoryNote>> shared = new HashMap<>();
        for (String path : theirsChanged) {
            if (VaultView.isMemoryNote(path) && base.isPresent()) {
                Optional<byte[]> was = git.bytes(base.get(), path);
                shared.put(path, was.flatMap(b -> MemoryNote.read(new String(b, StandardCharsets.UTF_8))));
            }
        }
        readBack.notes(run, theirsChanged, path -> shared.getOrDefault(path, Optional.empty()));
        run.changed.addAll(theirsChanged);
        run.rewriteAll |= base.isEmpty();
        run.sweep = true;
    }

    private static void putBack(SyncRun run, String path, Optional<byte[]> mine) throws IOException {
        Path file = VaultFiles.inside(run.root, path);
        if (mine.isPresent()) {
            Files.createDirectories(file.getParent());
            Files.write(file, mine.get());
        } else {
            Files.deleteIfExists(file);
        }
        run.changed.add(path);
    }

    /** "3 learned, 1 corrected, 1 pruned", from the log since the last sync and what came from the vault. */
    private static String summary(Map<Change, Integer> counts, boolean first, SyncRun run) {
        List<String> parts = new ArrayList<>();
        counts.forEach((change, n) -> parts.add(n + " " + change.name().toLowerCase(Locale.ROOT)));
        if (run.fromVault > 0) {
            parts.add(run.fromVault + " from the vault");
        }
        if (run.conflicts > 0) {
            parts.add(run.conflicts + (run.conflicts == 1 ? " conflict" : " conflicts") + " kept both ways");
        }
        return parts.isEmpty() ? (first ? "Memories written to the vault" : "Vault notes updated") : String.join(", ", parts);
    }
}
