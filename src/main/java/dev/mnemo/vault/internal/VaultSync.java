package dev.mnemo.vault.internal;

import dev.mnemo.vault.SyncReport;
import dev.mnemo.vault.Vault;
import dev.mnemo.vault.VaultProperties;
import dev.mnemo.vault.VaultStatus;
import dev.mnemo.vault.internal.VaultStore.SyncState;
import dev.mnemo.vault.internal.VaultReadBack.Base;
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
import java.util.concurrent.locks.ReentrantLock;
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
    private static final SyncReport BUSY = new SyncReport("another sync is running", 0, 0, 0, false, 0);

    private final VaultProperties properties;
    private final VaultStore store;
    private final VaultReadBack readBack;
    private final VaultWriter writer;
    private final ConflictNotes conflicts;
    private final LockingTaskExecutor locks;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

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
        // Never waits: a thread held up here (a virtual one, pinned) behind a sync that waits on the network helps no one.
        if (!running.tryLock()) {
            return BUSY;
        }
        try {
            TaskResult<SyncReport> result = locks.executeWithLock(this::syncNow,
                    new LockConfiguration(clock.instant(), LOCK, Duration.ofMinutes(10), Duration.ZERO));
            return result.wasExecuted() ? result.getResult() : BUSY;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            running.unlock();
        }
    }

    @Override
    public int export(String userId, Path dir, IntConsumer progress) throws IOException {
        return writer.export(userId, dir.resolve(properties.folder()), progress);
    }

    private SyncReport syncNow() {
        String user = user();
        Instant started = clock.instant();
        Map<String, Long> marks = store.pending(user);
        SyncState before = store.state(user).orElse(new SyncState(null, null, null));
        Path root = properties.root();
        try (VaultGit git = VaultGit.open(root, user, GitRemote.of(properties))) {
            SyncRun run = new SyncRun(user, root, store.files(user));
            Optional<VaultGit.UnfinishedReset> unfinished = git.unfinishedReset();
            if (unfinished.isPresent()) {
                recover(git, unfinished.get(), run);
            }
            if (!marks.containsKey(VaultStore.PURGE) && git.purgedRemote().isPresent()) {
                git.purgedRemote(Optional.empty());
            }
            Set<String> uncommitted = git.uncommitted();
            run.changed.addAll(uncommitted);
            readBack.inbox(run);
            readBack.notes(run, uncommitted, Base.WRITTEN);
            run.sweep |= uncommitted.stream().anyMatch(p -> p.endsWith(".md") && !run.files.containsKey(p));
            String remoteError = null;
            Optional<ObjectId> theirs = Optional.empty();
            if (properties.hasRemote()) {
                try {
                    theirs = git.fetch();
                } catch (GitAPIException | IOException | RuntimeException e) {
                    remoteError = Secrets.hidden(e, properties.gitToken(), root);
                }
                Optional<ObjectId> purged = git.purgedRemote();
                boolean onlyWhatWasPurged = theirs.isPresent() && purged.isPresent() && purged.get().equals(theirs.get());
                if (remoteError == null && theirs.isPresent() && !git.contains(theirs.get()) && !onlyWhatWasPurged) {
                    // Everything in the folder, even what was saved since the sync began, goes into a commit first.
                    Set<String> late = git.uncommitted();
                    late.removeAll(uncommitted);
                    readBack.notes(run, late, Base.WRITTEN);
                    run.changed.addAll(late);
                    git.commit(run.committable(), "Changes made in the vault", clock.instant());
                    run.changed.clear();
                    if (git.head().isPresent()) {
                        takeRemote(git, git.head().get(), theirs.get(), run, List.of());
                    } else {
                        git.resetTo(theirs.get()); // nothing here yet: the remote's folder is the start
                        readBack.notes(run, git.changed(Optional.empty(), theirs.get()), Base.UNRELATED);
                        run.rewriteAll = true;
                        run.sweep = true;
                    }
                }
            }
            run.rewriteAll |= marks.containsKey(VaultStore.ALL);
            int written = writer.write(run, marks.keySet());
            Map<Change, Integer> counts = store.countUncommitted(user);
            String summary = summary(counts, before.syncedAt() == null, run);
            boolean committed = git.commit(run.committable(), summary, clock.instant());
            boolean purge = marks.containsKey(VaultStore.PURGE) && git.head().isPresent();
            if (purge) {
                // Until the push goes out, the remote's tip is the old history's: its notes are no one's edits.
                Optional<ObjectId> remoteTip = theirs.isPresent() ? theirs : git.trackedRemote();
                git.purgedRemote(remoteTip.or(git::purgedRemote));
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
                    git.purgedRemote(Optional.empty());
                } catch (GitAPIException | IOException | RuntimeException e) {
                    remoteError = Secrets.hidden(e, properties.gitToken(), root);
                }
            }
            if (remoteError != null) {
                log.warn("The vault's remote could not be reached; its commits wait for the next push: {}", remoteError);
            }
            store.donePending(user, marks);
            if (purge && properties.hasRemote() && !pushed) {
                // The remote still holds the forgotten text: rewritten and pushed again, when the remote is tried again.
                store.pending(user, List.of(VaultStore.PURGE), started);
            }
            store.saveState(user, new SyncState(started, pushedAt, remoteError));
            return new SyncReport(committed ? summary : "nothing changed", written, run.fromVault, run.conflicts, pushed,
                    run.unreadable.size());
        } catch (IOException | GitAPIException | RuntimeException e) {
            String why = Secrets.hidden(e, properties.gitToken(), root);
            // A sync that fails is tried again with the remote's backoff, not at every poll; health shows it.
            store.saveState(user, new SyncState(started, before.pushedAt(), "the last sync failed: " + why));
            throw new IllegalStateException("the vault could not be synced: " + why, e);
        }
    }

    /**
     * The last reset to the remote was cut short: it is done again (a reset can be) before anything in the folder
     * is read as the person's. What the person saved in the folder since — differing from both sides' commits — is
     * kept aside and put back afterwards, to be read as their edits; their new Inbox lines join the merged Inbox.
     */
    private void recover(VaultGit git, VaultGit.UnfinishedReset reset, SyncRun run) throws IOException, GitAPIException {
        Map<String, byte[]> saved = new HashMap<>();
        for (String path : git.uncommitted()) {
            Path file = VaultFiles.inside(run.root, path);
            if (VaultFiles.isFile(file)) {
                byte[] now = Files.readAllBytes(file);
                boolean oursHasIt = git.bytes(reset.ours(), path).map(b -> Arrays.equals(b, now)).orElse(false);
                boolean theirsHasIt = git.bytes(reset.theirs(), path).map(b -> Arrays.equals(b, now)).orElse(false);
                if (!oursHasIt && !theirsHasIt) {
                    saved.put(path, now);
                }
            }
        }
        List<String> newLines = List.of();
        byte[] inbox = saved.remove(VaultView.INBOX);
        if (inbox != null) {
            newLines = VaultReadBack.added(inboxLines(git, Optional.of(reset.ours())),
                    VaultReadBack.inboxLines(new String(inbox, StandardCharsets.UTF_8)));
        }
        takeRemote(git, reset.ours(), reset.theirs(), run, newLines);
        for (Map.Entry<String, byte[]> file : saved.entrySet()) {
            putBack(run, file.getKey(), Optional.of(file.getValue()));
        }
    }

    /**
     * The remote has commits this side lacks. {@code ours} holds everything of this side (committed just before, or
     * left by a reset that was cut short, under a ref until this is done). What the remote changed since the version
     * both last shared reaches the memories, judged against that version; the folder becomes the remote's; and what
     * this side changed is put back on top: the notes Mnemo renders by writing them again, the person's own files
     * from {@code ours} (both kept when both sides changed one), the Inbox merged line by line ({@code moreLines}:
     * lines of this side's that no commit holds).
     */
    private void takeRemote(VaultGit git, ObjectId ours, ObjectId theirs, SyncRun run, List<String> moreLines)
            throws IOException, GitAPIException {
        git.markReset(ours, theirs);
        store.pending(run.user, List.of(VaultStore.RESET), clock.instant()); // the poll finishes it, should this stop
        Optional<ObjectId> purged = git.purgedRemote().filter(p -> git.isAncestorQuietly(p, theirs));
        Optional<ObjectId> base = purged.isPresent() ? purged : git.mergeBase(ours, theirs);
        Set<String> oursChanged = git.changed(base, ours);
        Set<String> theirsChanged = git.changed(base, theirs);
        // Mnemo's notes this side changed are written again on top: marked, so a sync that stops after the reset
        // still writes them at the next one.
        List<String> rendered = oursChanged.stream().map(run.files::get)
                .filter(f -> f != null && f.memoryId() != null && !VaultView.isConflict(f.path()))
                .map(WrittenFile::memoryId).toList();
        if (!rendered.isEmpty()) {
            store.pending(run.user, rendered, clock.instant());
            run.dirty.addAll(rendered);
        }
        Map<String, byte[]> aside = new HashMap<>();
        for (String path : run.unreadable) {
            Path file = VaultFiles.inside(run.root, path);
            if (VaultFiles.isFile(file)) {
                aside.put(path, Files.readAllBytes(file));
            }
        }
        git.resetTo(theirs);
        for (String path : run.retry) {
            if (!theirsChanged.contains(path)) {
                putBack(run, path, Optional.empty()); // the person's deletion, whose prune is tried again
            }
        }
        for (Map.Entry<String, byte[]> file : aside.entrySet()) {
            Optional<byte[]> remote = theirsChanged.contains(file.getKey()) ? git.bytes(theirs, file.getKey()) : Optional.empty();
            if (remote.isPresent() && !Arrays.equals(remote.get(), file.getValue())) {
                readBack.remoteVersionOfUnread(run, file.getKey(), remote.get()); // the remote's edit, kept aside
            }
            putBack(run, file.getKey(), Optional.of(file.getValue()));
        }
        for (String path : oursChanged) {
            WrittenFile mnemos = run.files.get(path);
            boolean rerendered = mnemos != null && !VaultView.isConflict(path);
            if (rerendered || path.equals(VaultView.INBOX) || aside.containsKey(path)) {
                continue; // Mnemo's own notes are written again from the memories
            }
            Optional<byte[]> mine = git.bytes(ours, path);
            Optional<byte[]> remote = git.bytes(theirs, path);
            try {
                if (!theirsChanged.contains(path) || remote.isEmpty()) {
                    putBack(run, path, mine);
                } else if (mine.isPresent() && !Arrays.equals(mine.get(), remote.get())) {
                    conflicts.keepBoth(run, path, mine.get());
                }
            } catch (IOException | IllegalStateException e) {
                // One file that cannot be put back (a link in its way, a file where its folder was) must not hold up
                // every sync: it is kept in Conflicts/, and the person is told.
                log.warn("A file of the vault could not be put back after taking the remote's changes: {} ({})",
                        VaultView.shortName(path), e.getClass().getSimpleName());
                if (mine.isPresent()) {
                    conflicts.keepAside(run, path, mine.get());
                }
            }
        }
        if (!run.unreadable.contains(VaultView.INBOX)) {
            try {
                mergeInbox(git, run, ours, theirs, base, moreLines);
            } catch (IllegalStateException e) {
                log.warn("The vault's Inbox could not be merged ({}): it is read again at the next sync", e.getMessage());
            }
        }
        Map<String, Optional<MemoryNote>> shared = new HashMap<>();
        for (String path : theirsChanged) {
            if (VaultView.isMemoryNote(path) && base.isPresent()) {
                shared.put(path, git.bytes(base.get(), path).flatMap(b -> MemoryNote.read(new String(b, StandardCharsets.UTF_8))));
            }
        }
        readBack.notes(run, theirsChanged, base.isPresent() ? Base.of(shared) : Base.UNRELATED);
        run.changed.addAll(theirsChanged);
        run.changed.addAll(oursChanged);
        run.rewriteAll |= base.isEmpty();
        run.sweep = true;
        git.clearReset();
        store.unmark(run.user, VaultStore.RESET);
    }

    /**
     * The Inbox after a reset: the lines this side still had (not yet stored, or refused), and the lines the remote
     * added since the shared version — only those are new; a line both had was stored already.
     */
    private void mergeInbox(VaultGit git, SyncRun run, ObjectId ours, ObjectId theirs, Optional<ObjectId> base,
                            List<String> moreLines) throws IOException {
        List<String> lines = new ArrayList<>(inboxLines(git, Optional.of(ours)));
        lines.addAll(moreLines);
        lines.addAll(VaultReadBack.added(inboxLines(git, base), inboxLines(git, Optional.of(theirs))));
        Files.writeString(VaultFiles.inside(run.root, VaultView.INBOX), NoteRenderer.inbox(lines), StandardCharsets.UTF_8);
        run.changed.add(VaultView.INBOX);
        readBack.inbox(run);
    }

    private static List<String> inboxLines(VaultGit git, Optional<ObjectId> commit) throws IOException {
        if (commit.isEmpty()) {
            return List.of();
        }
        return git.bytes(commit.get(), VaultView.INBOX)
                .map(b -> VaultReadBack.inboxLines(new String(b, StandardCharsets.UTF_8))).orElse(List.of());
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
