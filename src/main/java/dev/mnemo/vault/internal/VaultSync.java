package dev.mnemo.vault.internal;

import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryControl;
import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.MemoryVersion;
import dev.mnemo.system.Hashes;
import dev.mnemo.user.UserSettings;
import dev.mnemo.vault.SyncReport;
import dev.mnemo.vault.Vault;
import dev.mnemo.vault.VaultConflictFound;
import dev.mnemo.vault.VaultProperties;
import dev.mnemo.vault.VaultStatus;
import dev.mnemo.vault.internal.VaultStore.SyncState;
import dev.mnemo.vault.internal.VaultStore.WrittenFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * merged: history stays linear, as with a rebase, and no side is ever dropped by a merge tool.
 */
@Service
class VaultSync implements Vault {
    static final String OWNER = "owner";
    private static final String SENSITIVE = "sensitive";
    private static final Logger log = LoggerFactory.getLogger(VaultSync.class);

    private final VaultProperties properties;
    private final MemoryControl memories;
    private final MemoryIntake intake;
    private final VaultStore store;
    private final UserSettings settings;
    private final VaultEvents events;
    private final Clock clock;

    VaultSync(VaultProperties properties, MemoryControl memories, MemoryIntake intake, VaultStore store,
              UserSettings settings, VaultEvents events, Clock clock) {
        this.properties = properties;
        this.memories = memories;
        this.intake = intake;
        this.store = store;
        this.settings = settings;
        this.events = events;
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
        int pending = (int) store.pendingIds(user()).stream().filter(id -> !id.isEmpty() && !id.equals(VaultStore.PURGE)).count();
        String error = state.map(SyncState::remoteError).orElse(null);
        VaultStatus.Remote remote = !properties.hasRemote() ? VaultStatus.Remote.NONE
                : error != null ? VaultStatus.Remote.UNREACHABLE : VaultStatus.Remote.UP_TO_DATE;
        return new VaultStatus(true, properties.root().toString(), state.map(SyncState::syncedAt).orElse(null), pending,
                remote, error);
    }

    @Override
    public synchronized SyncReport sync() {
        if (!on()) {
            return new SyncReport("the vault is off", 0, 0, 0, false);
        }
        String user = user();
        Instant started = clock.instant();
        List<String> pending = store.pendingIds(user);
        SyncState before = store.state(user).orElse(new SyncState(null, null, null));
        Path root = properties.root();
        try (VaultGit git = VaultGit.open(root, properties.gitRemote(), properties.gitToken())) {
            FromVault applied = new FromVault();
            Map<String, WrittenFile> files = store.files(user);
            Set<String> uncommitted = git.uncommitted();
            applied.changed.addAll(uncommitted);
            readBack(user, root, uncommitted, files, applied);
            String remoteError = null;
            Optional<ObjectId> theirs = Optional.empty();
            if (properties.hasRemote()) {
                try {
                    theirs = git.fetch();
                    if (theirs.isPresent() && !git.contains(theirs.get())) {
                        takeRemote(user, root, git, theirs.get(), files, applied);
                    }
                } catch (GitAPIException | IOException | RuntimeException e) {
                    remoteError = Secrets.hidden(e, properties.gitToken());
                }
            }
            Set<String> dirty = new TreeSet<>(pending);
            dirty.addAll(applied.dirty);
            int written = write(user, root, dirty, applied.rewriteAll || files.isEmpty(),
                    applied.inboxRead ? applied.inboxLeft : null, store.files(user),
                    applied.changed);
            Map<Change, Integer> counts = store.countUncommitted(user);
            String summary = summary(counts, before.syncedAt() == null, applied);
            boolean committed = git.commit(applied.changed, summary, clock.instant());
            boolean purge = pending.contains(VaultStore.PURGE) && git.head().isPresent();
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
            store.donePending(user, pending);
            store.saveState(user, new SyncState(started, pushedAt, remoteError));
            return new SyncReport(committed ? summary : "nothing changed", written, applied.count, applied.conflicts, pushed);
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException("the vault at " + root + " could not be synced: " + e.getMessage(), e);
        }
    }

    @Override
    public int export(String userId, Path dir, IntConsumer progress) throws IOException {
        Path root = dir.resolve(properties.folder());
        if (Files.isDirectory(root)) {
            try (Stream<Path> inside = Files.list(root)) {
                if (inside.findAny().isPresent()) {
                    throw new IOException(root + " is not empty: export into a new directory");
                }
            }
        }
        VaultView view = new VaultView(visible(memories.all(userId, false)), visible(memories.all(userId, true)));
        Map<String, List<MemoryVersion>> histories = new HashMap<>();
        for (String id : view.paths.keySet()) {
            histories.put(id, memories.history(userId, id).orElse(List.of()));
        }
        Map<String, String> notes = new NoteRenderer(properties.folder(), settings.timeZone(userId)).all(view, histories, List.of());
        Set<String> memoryNotes = new HashSet<>(view.paths.values());
        int written = 0;
        for (Map.Entry<String, String> note : notes.entrySet()) {
            Path file = inside(root, note.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, note.getValue(), StandardCharsets.UTF_8);
            if (memoryNotes.contains(note.getKey())) {
                progress.accept(++written);
            }
        }
        return written;
    }

    /**
     * The remote has commits this branch lacks: what they changed since the last shared commit reaches the memories,
     * the folder becomes the remote's, and everything Mnemo had changed since is written again on top.
     */
    private void takeRemote(String user, Path root, VaultGit git, ObjectId theirs, Map<String, WrittenFile> files,
                            FromVault applied) throws IOException, GitAPIException {
        Optional<ObjectId> ours = git.head();
        Optional<ObjectId> base = ours.isEmpty() ? Optional.empty() : git.mergeBase(ours.get(), theirs);
        Set<String> oursChanged = ours.isEmpty() ? Set.of() : git.changed(base, ours.get());
        Set<String> theirsChanged = git.changed(base, theirs);
        git.resetTo(theirs);
        readBack(user, root, theirsChanged, files, applied);
        for (String path : oursChanged) {
            WrittenFile file = files.get(path);
            if (file != null && file.memoryId() != null) {
                applied.dirty.add(file.memoryId());
            }
        }
        applied.rewriteAll |= base.isEmpty();
    }

    /** The changes the person made in these files reach their memories. */
    private void readBack(String user, Path root, Set<String> paths, Map<String, WrittenFile> files, FromVault applied)
            throws IOException {
        Set<String> present = new HashSet<>();
        List<String> deleted = new ArrayList<>();
        for (String path : new TreeSet<>(paths)) {
            Path file = root.resolve(path);
            if (path.equals(VaultView.INBOX)) {
                if (Files.isRegularFile(file)) {
                    inbox(user, Files.readString(file, StandardCharsets.UTF_8), applied);
                }
                continue;
            }
            if (!path.endsWith(".md") || !path.startsWith(VaultView.MEMORIES + "/")) {
                continue; // the linking notes and the archive are Mnemo's: written again from the memories
            }
            if (Files.isRegularFile(file)) {
                Optional<MemoryNote> note = MemoryNote.read(Files.readString(file, StandardCharsets.UTF_8));
                if (note.isPresent()) {
                    present.add(note.get().id());
                    edited(user, note.get(), files, applied);
                }
            } else {
                WrittenFile was = files.get(path);
                if (was != null && was.memoryId() != null) {
                    deleted.add(was.memoryId());
                }
            }
        }
        for (String id : deleted) {
            if (!present.contains(id) && memories.prune(user, id)) {
                applied.count++;
                applied.dirty.add(id);
            }
        }
    }

    private void inbox(String user, String content, FromVault applied) {
        String body = content.replace("\r\n", "\n");
        String header = NoteRenderer.INBOX_HEADER;
        String lines = body.startsWith(header) ? body.substring(header.length()) : body.replaceFirst("(?s)^# Inbox\n", "");
        for (String line : lines.split("\n")) {
            String text = line.strip().replaceFirst("^([-*+]\\s+(\\[[ xX]]\\s+)?)", "").strip();
            if (!text.isEmpty() && !text.startsWith("#") && !header.contains(text)) {
                try {
                    intake.remember(user, text, null);
                    applied.count++;
                } catch (RuntimeException e) {
                    // One line that cannot be stored must not stop every sync, nor be lost: it stays for the next.
                    log.warn("An Inbox line of the vault could not be remembered and stays in the Inbox: {}", e.getMessage());
                    applied.inboxLeft.add(line.strip());
                }
            }
        }
        applied.inboxRead = true;
    }

    private void edited(String user, MemoryNote note, Map<String, WrittenFile> files, FromVault applied)
            throws IOException {
        Optional<WrittenFile> written = files.values().stream().filter(f -> note.id().equals(f.memoryId())
                && !f.path().startsWith(VaultView.CONFLICTS + "/")).findFirst();
        if (written.isEmpty()) {
            return; // not a note Mnemo wrote
        }
        if (written.get().path().startsWith(VaultView.ARCHIVE + "/")) {
            // A set-aside memory's note moved back into Memories: the person wants it back.
            if (memories.getPruned(user, note.id()).isPresent() && memories.restore(user, note.id())) {
                applied.count++;
                applied.dirty.add(note.id());
            }
            return;
        }
        if (note.contentHash().equals(written.get().hash())) {
            return; // unchanged
        }
        Optional<Memory> current = memories.get(user, note.id());
        if (current.isEmpty()) {
            return; // pruned or forgotten meanwhile: its note is moved or removed when written
        }
        Memory memory = current.get();
        if (NoteRenderer.contentHash(memory).equals(note.contentHash())) {
            return;
        }
        applied.dirty.add(memory.id());
        if (!NoteRenderer.contentHash(memory).equals(written.get().hash())) {
            conflict(user, memory, note, applied);
            return;
        }
        memories.edit(user, memory.id(), note.text().isBlank() ? null : note.text(), MemoryKind.parse(note.kind()),
                note.importance(), note.tags());
        applied.count++;
    }

    /** Changed on both sides: the memory keeps Mnemo's version, the vault's goes into a conflict note, nothing is lost. */
    private void conflict(String user, Memory memory, MemoryNote note, FromVault applied) throws IOException {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, settings.timeZone(user));
        String path = VaultView.CONFLICTS + "/" + NoteNames.of(day + " " + VaultView.title(memory.text()),
                " (" + memory.id().substring(memory.id().length() - 8) + ")") + ".md";
        String content = new Frontmatter().list("tags", List.of("mnemo/conflict")).text("mnemo_id", memory.id())
                .plain("date", day).end()
                + "# Changed in the vault and in Mnemo\n\n"
                + "Since the last sync this memory was changed both here and in a conversation with Mnemo. The memory "
                + "keeps Mnemo's version; yours is below. To keep yours, copy it into the memory's note.\n\n"
                + "## Your version in the vault\n" + note.text() + "\n\n"
                + "- importance: " + (note.importance() == null ? "-" : note.importance()) + "\n"
                + "- tags: " + String.join(", ", note.tags()) + "\n\n"
                + "## Mnemo's version\n" + memory.text() + "\n\n"
                + "- importance: " + memory.importance() + "\n"
                + "- tags: " + String.join(", ", NoteRenderer.obsidianTags(memory.tags())) + "\n";
        Path file = properties.root().resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        applied.changed.add(path);
        store.wrote(user, path, memory.id(), NoteRenderer.contentHash(memory));
        applied.conflicts++;
        events.publish(new VaultConflictFound(user, memory.id(), path, now));
    }

    /**
     * Writes the notes of the changed memories (all of them with {@code all}) and every linking note, deletes what no
     * longer belongs; only files whose bytes change are touched. Returns how many files were written or deleted.
     */
    private int write(String user, Path root, Set<String> dirty, boolean all, List<String> inboxLeft,
                      Map<String, WrittenFile> files, Set<String> changed) throws IOException {
        List<Memory> active = visible(memories.all(user, false));
        List<Memory> pruned = visible(memories.all(user, true));
        VaultView view = new VaultView(active, pruned);
        NoteRenderer renderer = new NoteRenderer(properties.folder(), settings.timeZone(user));
        Map<String, String> pathOf = new HashMap<>();
        files.values().stream().filter(f -> f.memoryId() != null && !f.path().startsWith(VaultView.CONFLICTS + "/"))
                .forEach(f -> pathOf.put(f.memoryId(), f.path()));
        Map<String, Note> wanted = new TreeMap<>();
        Set<String> keep = new HashSet<>();
        for (Memory m : view.active.values()) {
            memoryNote(user, root, view, renderer, m, dirty, all, pathOf, wanted, keep);
        }
        for (Memory m : view.pruned.values()) {
            memoryNote(user, root, view, renderer, m, dirty, all, pathOf, wanted, keep);
        }
        renderer.linkingNotes(view, store.logOf(user)).forEach((path, content) -> {
            keep.add(path);
            wanted.put(path, new Note(content, null, null));
        });
        keep.add(VaultView.INBOX);
        if (inboxLeft != null || !Files.exists(root.resolve(VaultView.INBOX))) {
            String left = inboxLeft == null || inboxLeft.isEmpty() ? "" : String.join("\n", inboxLeft) + "\n";
            wanted.put(VaultView.INBOX, new Note(NoteRenderer.INBOX_HEADER + left, null, null));
        }
        int touched = 0;
        for (Map.Entry<String, Note> e : wanted.entrySet()) {
            Path file = inside(root, e.getKey());
            byte[] bytes = e.getValue().content().getBytes(StandardCharsets.UTF_8);
            if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), bytes)) {
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
                changed.add(e.getKey());
                touched++;
            }
            String hash = e.getValue().hash() != null ? e.getValue().hash() : Hashes.sha256Hex(bytes);
            WrittenFile was = files.get(e.getKey());
            if (was == null || !hash.equals(was.hash()) || !Objects.equals(was.memoryId(), e.getValue().memoryId())) {
                store.wrote(user, e.getKey(), e.getValue().memoryId(), hash);
            }
        }
        for (WrittenFile file : files.values()) {
            boolean conflictOfAMemoryKept = file.path().startsWith(VaultView.CONFLICTS + "/")
                    && (view.active.containsKey(file.memoryId()) || view.pruned.containsKey(file.memoryId()))
                    && Files.exists(root.resolve(file.path()));
            if (!keep.contains(file.path()) && !conflictOfAMemoryKept) {
                if (Files.deleteIfExists(inside(root, file.path()))) {
                    changed.add(file.path());
                    touched++;
                }
                store.removed(user, file.path());
            }
        }
        return touched;
    }

    private void memoryNote(String user, Path root, VaultView view, NoteRenderer renderer, Memory m, Set<String> dirty,
                            boolean all, Map<String, String> pathOf, Map<String, Note> wanted, Set<String> keep) {
        String path = view.paths.get(m.id());
        keep.add(path);
        if (all || dirty.contains(m.id()) || !path.equals(pathOf.get(m.id())) || !Files.exists(root.resolve(path))) {
            List<MemoryVersion> history = memories.history(user, m.id()).orElse(List.of());
            wanted.put(path, new Note(renderer.memoryNote(view, m, history), m.id(), NoteRenderer.contentHash(m)));
        }
    }

    private List<Memory> visible(List<Memory> all) {
        return properties.includeSensitive() ? all
                : all.stream().filter(m -> !m.tags().contains(SENSITIVE)).toList();
    }

    /** The path inside Mnemo's folder, refusing anything that would leave it. */
    private static Path inside(Path root, String path) {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root.normalize()) || file.equals(root.normalize())) {
            throw new IllegalStateException("refusing to write outside the vault folder: " + path);
        }
        return file;
    }

    /** "3 learned, 1 corrected, 1 pruned", from the log since the last sync and what came from the vault. */
    private static String summary(Map<Change, Integer> counts, boolean first, FromVault applied) {
        List<String> parts = new ArrayList<>();
        counts.entrySet().stream()
                .forEach(e -> parts.add(e.getValue() + " " + verb(e.getKey())));
        if (applied.count > 0) {
            parts.add(applied.count + " from the vault");
        }
        if (applied.conflicts > 0) {
            parts.add(applied.conflicts + (applied.conflicts == 1 ? " conflict" : " conflicts") + " kept both ways");
        }
        return parts.isEmpty() ? (first ? "Memories written to the vault" : "Vault notes updated")
                : parts.stream().collect(Collectors.joining(", "));
    }

    private static String verb(Change change) {
        return switch (change) {
            case LEARNED -> "learned";
            case MERGED -> "merged";
            case CORRECTED -> "corrected";
            case EDITED -> "edited";
            case SUMMARISED -> "summarised";
            case PRUNED -> "pruned";
            case RESTORED -> "restored";
            case FORGOTTEN -> "forgotten";
            case PURGED -> "purged";
        };
    }

    /** A note to write: a memory's has its id and content hash. */
    private record Note(String content, String memoryId, String hash) {
    }

    /** What the person's changes in the vault did during this sync. */
    private static final class FromVault {
        final Set<String> dirty = new HashSet<>();
        /** Paths of the folder that changed in this sync: the only ones the commit looks at. */
        final Set<String> changed = new TreeSet<>();
        int count;
        int conflicts;
        boolean inboxRead;
        /** Inbox lines that could not be remembered: written back for the next sync. */
        final List<String> inboxLeft = new ArrayList<>();
        boolean rewriteAll;
    }
}
