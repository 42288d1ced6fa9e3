package dev.mnemo.vault.internal;

import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryControl;
import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.memory.MemoryKind;
import dev.mnemo.vault.internal.VaultStore.WrittenFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The person's changes made in the vault reach their memories: an edited note as an EDITED change with history, a
 * deleted note as a prune, a note moved back out of the archive as a restore, an Inbox line through the write path,
 * and a memory changed on both sides as a conflict note. Whether a note was changed is decided three ways: against
 * the version both sides last shared, never against whatever was written last.
 */
@Component
class VaultReadBack {
    private static final Logger log = LoggerFactory.getLogger(VaultReadBack.class);
    /** The explanation Mnemo writes at the top of the Inbox, line by line. */
    private static final Set<String> HEADER_LINES = Set.of(NoteRenderer.INBOX_HEADER.strip().split("\n"));
    private static final Pattern LIST_MARK = Pattern.compile("^([-*+]\\s+(\\[[ xX]]\\s+)?)");

    private final MemoryControl memories;
    private final MemoryIntake intake;
    private final ConflictNotes conflicts;

    VaultReadBack(MemoryControl memories, MemoryIntake intake, ConflictNotes conflicts) {
        this.memories = memories;
        this.intake = intake;
        this.conflicts = conflicts;
    }

    /**
     * Each line of the Inbox becomes a memory; the Inbox is emptied at once, keeping the lines that could not be
     * stored and any line written while they were being stored.
     */
    void inbox(SyncRun run) throws IOException {
        Optional<String> read = readable(run, VaultView.INBOX);
        if (read.isEmpty()) {
            return;
        }
        List<String> lines = inboxLines(read.get());
        if (lines.stream().noneMatch(VaultReadBack::rememberable)) {
            return;
        }
        List<String> left = new ArrayList<>();
        for (String line : lines) {
            if (!rememberable(line)) {
                left.add(line); // a heading or note of the person's own: kept, not remembered
                continue;
            }
            try {
                intake.remember(run.user, text(line), null);
                run.fromVault++;
            } catch (RuntimeException e) {
                // One line that cannot be stored must not stop every sync, nor be lost: it stays for the next.
                log.warn("An Inbox line of the vault could not be remembered and stays in the Inbox: {}",
                        e.getClass().getSimpleName());
                left.add(line);
            }
        }
        Optional<String> now = readable(run, VaultView.INBOX);
        if (now.isPresent() && !now.get().equals(read.get())) {
            left.addAll(added(lines, inboxLines(now.get()))); // written while the others were being stored
        }
        String content = NoteRenderer.inbox(left);
        if (!content.equals(now.orElse(""))) {
            Files.writeString(VaultFiles.inside(run.root, VaultView.INBOX), content, StandardCharsets.UTF_8);
            run.changed.add(VaultView.INBOX);
        }
    }

    /**
     * The version of a note both sides last shared, against which a change is judged: what Mnemo last wrote there
     * (for the folder's own edits), the merge base's note (for what the remote brought), or none at all (a remote of
     * unrelated history: then any difference is a conflict, never an edit).
     */
    interface Base {
        Base WRITTEN = (path, written) -> Optional.of(written.hash());
        Base UNRELATED = (path, written) -> Optional.empty();

        /** The hash of the shared version, or empty when none is known. */
        Optional<String> hash(String path, WrittenFile written);

        /** True when the shared version already had a memory's note at this path (so it was not moved there). */
        default boolean hadNoteAt(String path) {
            return false;
        }

        /**
         * The note at the merge base: at the same path, or (a note renamed on the other device) under another path
         * with the same {@code mnemo_id}; otherwise what Mnemo last wrote.
         */
        static Base of(Map<String, Optional<MemoryNote>> shared) {
            Map<String, String> byId = new HashMap<>();
            shared.values().forEach(n -> n.ifPresent(note -> byId.putIfAbsent(note.id(), note.contentHash())));
            return new Base() {
                @Override
                public Optional<String> hash(String path, WrittenFile written) {
                    return Optional.of(shared.getOrDefault(path, Optional.empty()).map(MemoryNote::contentHash)
                            .orElse(byId.getOrDefault(written.memoryId(), written.hash())));
                }

                @Override
                public boolean hadNoteAt(String path) {
                    return shared.getOrDefault(path, Optional.empty()).isPresent();
                }
            };
        }
    }

    /** Reads back the memory notes among {@code paths}, judging each against {@code base}. */
    void notes(SyncRun run, Set<String> paths, Base base) throws IOException {
        Set<String> present = new HashSet<>();
        List<String> deleted = new ArrayList<>();
        for (String path : new TreeSet<>(paths)) {
            if (!VaultView.isMemoryNote(path)) {
                continue; // the linking notes and the archive are Mnemo's: written again from the memories
            }
            Optional<String> content = readable(run, path);
            if (run.unreadable.contains(path)) {
                continue;
            }
            if (content.isEmpty()) {
                WrittenFile was = run.files.get(path);
                if (was != null && was.memoryId() != null) {
                    deleted.add(was.memoryId());
                }
                continue;
            }
            Optional<MemoryNote> note = MemoryNote.read(content.get());
            if (note.isEmpty()) {
                WrittenFile was = run.files.get(path);
                if (was != null && was.memoryId() != null) {
                    unreadable(run, path, "its properties cannot be read");
                    present.add(was.memoryId()); // broken, not deleted: nothing is pruned for it
                }
                continue;
            }
            present.add(note.get().id());
            try {
                edited(run, path, note.get(), base);
            } catch (RuntimeException e) {
                unreadable(run, path, "the change was refused (" + e.getClass().getSimpleName() + ")");
            }
        }
        for (String id : deleted) {
            try {
                if (!present.contains(id) && memories.prune(run.user, id)) {
                    run.fromVault++;
                    run.dirty.add(id);
                }
            } catch (RuntimeException e) {
                String path = run.noteOf.get(id).path();
                unreadable(run, path, "the prune was refused (" + e.getClass().getSimpleName() + ")");
                run.retry.add(path);
            }
        }
    }

    private void edited(SyncRun run, String path, MemoryNote note, Base shared) throws IOException {
        WrittenFile written = run.noteOf.get(note.id());
        if (written == null) {
            return; // not a note Mnemo wrote: a copy of a forgotten memory is swept away when the folder is written
        }
        Optional<String> baseHash = shared.hash(path, written);
        boolean editedThere = baseHash.isPresent() && !note.contentHash().equals(baseHash.get());
        if (written.path().startsWith(VaultView.ARCHIVE + "/") && editedThere && shared.hadNoteAt(path)) {
            keepBesidePruned(run, note); // set aside here, edited there
            return;
        }
        if (written.path().startsWith(VaultView.ARCHIVE + "/") && baseHash.isPresent() && !shared.hadNoteAt(path)) {
            // A set-aside memory's note moved back into Memories (not merely left there by a device that had not
            // heard of the prune): the person wants it back.
            if (memories.getPruned(run.user, note.id()).isPresent() && memories.restore(run.user, note.id())) {
                run.fromVault++;
                run.dirty.add(note.id());
            }
            return;
        }
        if (baseHash.isPresent() && note.contentHash().equals(baseHash.get()) && !note.mergeMarkers()) {
            return; // unchanged (or an unchanged copy, or the old name of a renamed note)
        }
        Optional<Memory> current = memories.get(run.user, note.id());
        if (current.isEmpty()) {
            keepBesidePruned(run, note); // pruned meanwhile (forgotten: nothing of it is kept)
            return;
        }
        Memory memory = current.get();
        String now = NoteRenderer.contentHash(memory);
        if (now.equals(note.contentHash()) && !note.mergeMarkers()) {
            return;
        }
        run.dirty.add(memory.id());
        if (baseHash.isEmpty() || !now.equals(baseHash.get()) || note.mergeMarkers()) {
            conflicts.write(run, memory, note);
            return;
        }
        memories.edit(run.user, memory.id(), note.text().isBlank() ? null : note.text(), MemoryKind.parse(note.kind()),
                note.importance(), storedTags(memory, note.tags()));
        run.fromVault++;
    }

    /** An edit of a memory that is set aside: the memory stays set aside, the edit goes into a conflict note. */
    private void keepBesidePruned(SyncRun run, MemoryNote note) throws IOException {
        Optional<Memory> pruned = memories.getPruned(run.user, note.id());
        if (pruned.isPresent()) {
            run.dirty.add(note.id());
            conflicts.write(run, pruned.get(), note);
        }
    }

    /** The remote changed a note this side could not read: its version is kept in a conflict note, nothing applied. */
    void remoteVersionOfUnread(SyncRun run, String path, byte[] bytes) throws IOException {
        Optional<MemoryNote> note;
        try {
            note = MemoryNote.read(VaultFiles.utf8(bytes));
        } catch (CharacterCodingException e) {
            note = Optional.empty();
        }
        Optional<Memory> memory = note.flatMap(n -> memories.get(run.user, n.id()).or(() -> memories.getPruned(run.user, n.id())));
        if (memory.isPresent()) {
            conflicts.write(run, memory.get(), note.get());
        } else {
            conflicts.keepBoth(run, path, bytes);
        }
    }

    /** The note's tags as the memory spells them: Obsidian's form of a tag never replaces the tag it came from. */
    static List<String> storedTags(Memory memory, List<String> noteTags) {
        Map<String, List<String>> byForm = new HashMap<>();
        Set<String> kept = new LinkedHashSet<>();
        for (String tag : memory.tags()) {
            List<String> form = NoteRenderer.obsidianTags(List.of(tag));
            if (form.isEmpty()) {
                kept.add(tag); // Obsidian cannot show it, so the note cannot have removed it
            } else {
                byForm.computeIfAbsent(form.getFirst(), f -> new ArrayList<>()).add(tag);
            }
        }
        noteTags.forEach(t -> kept.addAll(byForm.getOrDefault(t, List.of(t))));
        return new ArrayList<>(kept);
    }

    /** The file's text; empty when it is not there, or cannot be read (then it is left alone and read next sync). */
    private static Optional<String> readable(SyncRun run, String path) throws IOException {
        try {
            return VaultFiles.text(run.root, path);
        } catch (CharacterCodingException e) {
            unreadable(run, path, "it is not UTF-8 text");
            return Optional.empty();
        }
    }

    private static void unreadable(SyncRun run, String path, String why) {
        run.unreadable.add(path);
        // The name of a note holds its memory's words: the log says only which memory, by the end of its id.
        log.warn("A note of the vault is left as it is and read again at the next sync, because {}: {}", why,
                VaultView.shortName(path));
    }

    /**
     * The Inbox's lines of its person's: not blank, not a line of the explanation Mnemo put there, not a marker git
     * left from a merge (both sides' lines between them are the person's).
     */
    static List<String> inboxLines(String content) {
        List<String> lines = new ArrayList<>();
        for (String line : content.replace("\r\n", "\n").split("\n")) {
            String text = text(line);
            if (!text.isEmpty() && !HEADER_LINES.contains(line.strip()) && !MemoryNote.MERGE_MARKERS.matcher(line).find()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    /** The lines of {@code now} beyond those of {@code before}, counting repeats. */
    static List<String> added(List<String> before, List<String> now) {
        Map<String, Integer> counts = new HashMap<>();
        before.forEach(l -> counts.merge(l, 1, Integer::sum));
        List<String> added = new ArrayList<>();
        for (String line : now) {
            if (counts.getOrDefault(line, 0) > 0) {
                counts.merge(line, -1, Integer::sum);
            } else {
                added.add(line);
            }
        }
        return added;
    }

    /** A heading the person wrote ("## Shopping") is theirs to keep; any other line is something to remember. */
    private static boolean rememberable(String line) {
        return !line.startsWith("#") || line.matches("#\\S.*") && !line.startsWith("##");
    }

    private static String text(String line) {
        return LIST_MARK.matcher(line.strip()).replaceFirst("").strip();
    }
}
