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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
    /** What git leaves in a file it could not merge (obsidian-git on a phone pushes such files). */
    private static final Set<String> HEADER_LINES = Set.of(NoteRenderer.INBOX_HEADER.strip().split("\n"));
    private static final Pattern LIST_MARK = Pattern.compile("^([-*+]\\s+(\\[[ xX]]\\s+)?)");
    private static final Pattern CONFLICT_MARKERS = Pattern.compile("(?m)^(<{7}|>{7})( |$)");

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
        List<String> lines = lines(read.get());
        if (lines.isEmpty()) {
            return;
        }
        List<String> left = new ArrayList<>();
        for (String line : lines) {
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
            Set<String> seen = new HashSet<>(lines);
            lines(now.get()).stream().filter(l -> !seen.contains(l)).forEach(left::add);
        }
        String content = NoteRenderer.INBOX_HEADER + (left.isEmpty() ? "" : String.join("\n", left) + "\n");
        Files.writeString(VaultFiles.inside(run.root, VaultView.INBOX), content, StandardCharsets.UTF_8);
        run.changed.add(VaultView.INBOX);
    }

    /**
     * Reads back the memory notes among {@code paths}. {@code base} gives, for a path, the note as both sides last
     * shared it (the merge base, for what the remote brought); empty means what Mnemo last wrote is that version.
     */
    void notes(SyncRun run, Set<String> paths, Function<String, Optional<MemoryNote>> base) throws IOException {
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
                edited(run, path, note.get(), base.apply(path).map(MemoryNote::contentHash));
            } catch (RuntimeException e) {
                unreadable(run, path, "the change was refused (" + e.getClass().getSimpleName() + ")");
            }
        }
        for (String id : deleted) {
            if (!present.contains(id) && memories.prune(run.user, id)) {
                run.fromVault++;
                run.dirty.add(id);
            }
        }
    }

    private void edited(SyncRun run, String path, MemoryNote note, Optional<String> baseHash) throws IOException {
        WrittenFile written = run.noteOf.get(note.id());
        if (written == null) {
            return; // not a note Mnemo wrote: a copy of a forgotten memory is swept away when the folder is written
        }
        if (written.path().startsWith(VaultView.ARCHIVE + "/")) {
            // A set-aside memory's note moved back into Memories: the person wants it back.
            if (memories.getPruned(run.user, note.id()).isPresent() && memories.restore(run.user, note.id())) {
                run.fromVault++;
                run.dirty.add(note.id());
            }
            return;
        }
        String base = baseHash.orElse(written.hash());
        if (note.contentHash().equals(base)) {
            return; // unchanged (or an unchanged copy, or the old name of a renamed note)
        }
        Optional<Memory> current = memories.get(run.user, note.id());
        if (current.isEmpty()) {
            return; // pruned or forgotten meanwhile: its note is moved or removed when written
        }
        Memory memory = current.get();
        String now = NoteRenderer.contentHash(memory);
        if (now.equals(note.contentHash())) {
            return;
        }
        run.dirty.add(memory.id());
        if (!now.equals(base) || CONFLICT_MARKERS.matcher(note.text()).find()) {
            conflicts.write(run, memory, note);
            return;
        }
        memories.edit(run.user, memory.id(), note.text().isBlank() ? null : note.text(), MemoryKind.parse(note.kind()),
                note.importance(), storedTags(memory, note.tags()));
        run.fromVault++;
    }

    /** The note's tags as the memory spells them: Obsidian's form of a tag never replaces the tag it came from. */
    static List<String> storedTags(Memory memory, List<String> noteTags) {
        Map<String, String> original = memory.tags().stream().collect(Collectors.toMap(
                t -> NoteRenderer.obsidianTags(List.of(t)).stream().findFirst().orElse(t), t -> t, (a, b) -> a));
        return new ArrayList<>(new LinkedHashSet<>(noteTags.stream().map(t -> original.getOrDefault(t, t)).toList()));
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

    /** The Inbox's lines of its person's: not blank, not a heading, not a line of the explanation Mnemo put there. */
    private static List<String> lines(String content) {
        List<String> lines = new ArrayList<>();
        for (String line : content.replace("\r\n", "\n").split("\n")) {
            String text = text(line);
            if (!text.isEmpty() && !text.startsWith("#") && !HEADER_LINES.contains(line.strip())) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    private static String text(String line) {
        return LIST_MARK.matcher(line.strip()).replaceFirst("").strip();
    }
}
