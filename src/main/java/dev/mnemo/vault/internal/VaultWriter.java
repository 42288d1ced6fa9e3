package dev.mnemo.vault.internal;

import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryControl;
import dev.mnemo.memory.MemoryVersion;
import dev.mnemo.system.Hashes;
import dev.mnemo.user.UserSettings;
import dev.mnemo.vault.VaultProperties;
import dev.mnemo.vault.internal.VaultStore.WrittenFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneId;
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
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Writes the folder from the memories: the notes of the changed memories (every one when asked), every linking note,
 * and removes what no longer belongs — first, so that a note renamed only in case is not deleted after it was
 * written on a file system that ignores case. Only files whose bytes change are touched.
 */
@Component
class VaultWriter {
    private static final String SENSITIVE = "sensitive";
    private static final Set<String> MNEMO_TAGS = Set.of("mnemo/person", "mnemo/topic", "mnemo/daily", "mnemo/index",
            "mnemo/conflict");

    private final VaultProperties properties;
    private final MemoryControl memories;
    private final VaultStore store;
    private final UserSettings settings;
    /** Kept between syncs (one runs at a time). */
    private final SubjectCache subjects = new SubjectCache();
    /** The layout the last sync wrote, and whose: the linking notes a change touches are found from it. */
    private VaultView last;
    private String lastUser;
    private ZoneId lastZone;

    VaultWriter(VaultProperties properties, MemoryControl memories, VaultStore store, UserSettings settings) {
        this.properties = properties;
        this.memories = memories;
        this.store = store;
        this.settings = settings;
    }

    /** Writes what {@code run} and the marks ask for; returns how many files were written or deleted. */
    int write(SyncRun run, Set<String> marked) throws IOException {
        VaultView view = view(run.user, subjects);
        ZoneId zone = settings.timeZone(run.user);
        NoteRenderer renderer = new NoteRenderer(properties.folder(), zone);
        Set<String> dirty = new HashSet<>(marked);
        dirty.addAll(run.dirty);
        VaultView before = run.user.equals(lastUser) && zone.equals(lastZone) ? last : null;
        // Links and dates in a memory's note follow its people's and topics' notes and the time zone: when those may
        // have moved, every note is rendered again (and only those whose bytes change are written).
        boolean all = run.rewriteAll || run.files.isEmpty() || before == null || !before.sameSubjectPaths(view);
        if (before != null) {
            dirty.addAll(changedBetween(before, view));
        }
        // A memory's note that went missing is found by git's status (and read back as a deletion) or by the sweep:
        // only then does each note's file need looking at.
        boolean look = all || run.sweep;
        Map<String, Note> wanted = new TreeMap<>();
        Set<String> keep = new HashSet<>();
        for (Map<String, Memory> group : List.of(view.active, view.pruned)) {
            for (Memory m : group.values()) {
                String path = view.paths.get(m.id());
                keep.add(path);
                WrittenFile was = run.noteOf.get(m.id());
                if (all || dirty.contains(m.id()) || was == null || !path.equals(was.path())
                        || (look && !VaultFiles.isFile(run.root.resolve(path)))) {
                    List<MemoryVersion> history = memories.history(run.user, m.id()).orElse(List.of());
                    wanted.put(path, new Note(renderer.memoryNote(view, m, history), m.id(), NoteRenderer.contentHash(m)));
                }
            }
        }
        // A forgotten memory may be named anywhere (days, people, topics): everything is looked at again.
        boolean forgot = dirty.stream().anyMatch(id -> SyncRun.isMemoryId(id) && !view.paths.containsKey(id));
        List<LoggedChange> log = store.logOf(run.user);
        Set<String> linking = renderer.linkingPaths(view, log);
        keep.addAll(linking);
        Predicate<String> render = all || look || forgot ? path -> true : touched(run, view, before, dirty, linking, renderer, log);
        renderer.linkingNotes(view, log, render).forEach((path, content) -> wanted.put(path, new Note(content, null, null)));
        keep.add(VaultView.INBOX);
        if (!Files.exists(run.root.resolve(VaultView.INBOX))) {
            wanted.put(VaultView.INBOX, new Note(NoteRenderer.INBOX_HEADER, null, null));
        }
        int touched = 0;
        for (WrittenFile file : List.copyOf(run.files.values())) {
            boolean conflictOfAMemoryKept = VaultView.isConflict(file.path()) && view.paths.containsKey(file.memoryId())
                    && Files.exists(run.root.resolve(file.path()));
            boolean unreadEditOfAMemoryKept = run.unreadable.contains(file.path()) && view.paths.containsKey(file.memoryId());
            if (!keep.contains(file.path()) && !conflictOfAMemoryKept && !unreadEditOfAMemoryKept) {
                touched += delete(run, file.path());
                store.removed(run.user, file.path());
            }
        }
        if (look || forgot) {
            touched += sweep(run, view, keep);
        }
        for (Map.Entry<String, Note> e : wanted.entrySet()) {
            if (run.unreadable.contains(e.getKey())) {
                continue; // the person's unreadable edit stays until they fix it
            }
            Path file = VaultFiles.inside(run.root, e.getKey());
            byte[] bytes = e.getValue().content().getBytes(StandardCharsets.UTF_8);
            String hash = e.getValue().hash() != null ? e.getValue().hash() : Hashes.sha256Hex(bytes);
            WrittenFile was = run.files.get(e.getKey());
            // A linking note written before with the same bytes is left unread, unless the folder may have moved on.
            boolean same = e.getValue().memoryId() == null && was != null && hash.equals(was.hash()) && !look
                    && !run.changed.contains(e.getKey()) && VaultFiles.isFile(file);
            if (!same && (!VaultFiles.isFile(file) || !Arrays.equals(Files.readAllBytes(file), bytes))) {
                Files.createDirectories(file.getParent());
                Files.write(file, bytes);
                run.changed.add(e.getKey());
                touched++;
            }
            if (was == null || !hash.equals(was.hash()) || !Objects.equals(was.memoryId(), e.getValue().memoryId())) {
                store.wrote(run.user, e.getKey(), e.getValue().memoryId(), hash);
            }
        }
        last = view;
        lastUser = run.user;
        lastZone = zone;
        return touched;
    }

    /**
     * The linking notes a sync must render when not all of them (after a restart, a rewrite, a reset or a forget):
     * those of the people, topics and days of the changed memories (before and after the change), those the person
     * touched, those never written, and the index. Rendering every People and Topics note of a large vault is most
     * of a sync's time.
     */
    private static Predicate<String> touched(SyncRun run, VaultView view, VaultView before, Set<String> dirty,
                                             Set<String> linking, NoteRenderer renderer, List<LoggedChange> log) {
        Set<String> paths = new HashSet<>(run.changed);
        linking.stream().filter(p -> !run.files.containsKey(p)).forEach(paths::add);
        for (String id : dirty) {
            paths.addAll(view.subjectPathsOf(id));
            paths.addAll(before.subjectPathsOf(id));
        }
        log.stream().filter(c -> c.memoryId() == null || dirty.contains(c.memoryId()))
                .forEach(c -> paths.add(NoteRenderer.dailyPath(renderer.dayOf(c))));
        return paths::contains;
    }

    /**
     * The memories that differ between two layouts — added, gone, or changed in what the linking notes show — found
     * from the memories themselves, so a change whose event has not arrived yet (or made during this sync) counts.
     */
    private static Set<String> changedBetween(VaultView before, VaultView now) {
        Set<String> changed = new HashSet<>();
        before.paths.forEach((id, path) -> {
            Memory a = before.active.getOrDefault(id, before.pruned.get(id));
            Memory b = now.active.getOrDefault(id, now.pruned.get(id));
            if (b == null || !path.equals(now.paths.get(id)) || !a.text().equals(b.text())
                    || a.kind() != b.kind() || !a.tags().equals(b.tags())) {
                changed.add(id);
            }
        });
        now.paths.keySet().stream().filter(id -> !before.paths.containsKey(id)).forEach(changed::add);
        return changed;
    }

    /** Every memory's note and the linking notes into {@code root}, which must be new or empty. */
    int export(String userId, Path root, IntConsumer progress) throws IOException {
        if (Files.isDirectory(root)) {
            try (Stream<Path> inside = Files.list(root)) {
                if (inside.findAny().isPresent()) {
                    throw new IOException(root + " is not empty: export into a new directory");
                }
            }
        }
        VaultView view = view(userId, new SubjectCache());
        Map<String, List<MemoryVersion>> histories = new HashMap<>();
        for (String id : view.paths.keySet()) {
            histories.put(id, memories.history(userId, id).orElse(List.of()));
        }
        Map<String, String> notes = new NoteRenderer(properties.folder(), settings.timeZone(userId)).all(view, histories, List.of());
        Set<String> memoryNotes = new HashSet<>(view.paths.values());
        int written = 0;
        for (Map.Entry<String, String> note : notes.entrySet()) {
            Path file = VaultFiles.inside(root, note.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, note.getValue(), StandardCharsets.UTF_8);
            if (memoryNotes.contains(note.getKey())) {
                progress.accept(++written);
            }
        }
        return written;
    }

    private VaultView view(String userId, SubjectCache cache) {
        return new VaultView(visible(memories.all(userId, false)), visible(memories.all(userId, true)), cache);
    }

    private List<Memory> visible(List<Memory> all) {
        return properties.includeSensitive() ? all : all.stream().filter(m -> !m.tags().contains(SENSITIVE)).toList();
    }

    /**
     * Removes the notes no sync has recorded but nothing should keep: a forgotten memory's note or a copy of it, and
     * Mnemo's notes a reset to the remote brought back. Files of the person's own (no {@code mnemo_id}, no tag of
     * Mnemo's) are never touched.
     */
    private int sweep(SyncRun run, VaultView view, Set<String> keep) throws IOException {
        List<Path> notes = new ArrayList<>();
        Files.walkFileTree(run.root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return dir.equals(run.root.resolve(".git")) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && file.getFileName().toString().endsWith(".md")) {
                    notes.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // gone while looked at: nothing to sweep
            }
        });
        int touched = 0;
        for (Path file : notes) {
            String path = run.root.relativize(file).toString().replace('\\', '/');
            WrittenFile known = run.files.get(path);
            if (keep.contains(path) || run.unreadable.contains(path)
                    || (known != null && VaultView.isConflict(path) && view.paths.containsKey(known.memoryId()))) {
                continue;
            }
            Frontmatter.Parsed parsed;
            try {
                parsed = Frontmatter.parse(VaultFiles.utf8(Files.readAllBytes(file)));
            } catch (CharacterCodingException e) {
                continue; // not text Mnemo wrote
            }
            Optional<String> id = parsed.string("mnemo_id").map(String::strip);
            boolean stale = id.isPresent() && (!view.paths.containsKey(id.get())
                    || path.startsWith(VaultView.MEMORIES + "/") || path.startsWith(VaultView.ARCHIVE + "/"));
            boolean mnemos = VaultView.rendered(path) && parsed.strings("tags").stream().anyMatch(MNEMO_TAGS::contains);
            if (stale || mnemos) {
                touched += delete(run, path);
            }
        }
        return touched;
    }

    private static int delete(SyncRun run, String path) throws IOException {
        if (Files.deleteIfExists(VaultFiles.inside(run.root, path))) {
            run.changed.add(path);
            return 1;
        }
        return 0;
    }

    /** A note to write: a memory's has its id and content hash. */
    private record Note(String content, String memoryId, String hash) {
    }
}
