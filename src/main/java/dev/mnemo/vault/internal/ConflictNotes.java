package dev.mnemo.vault.internal;

import dev.mnemo.memory.Memory;
import dev.mnemo.user.UserSettings;
import dev.mnemo.vault.VaultConflictFound;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A memory changed on both sides since the last sync: the memory keeps Mnemo's version, the vault's goes into a
 * note of its own in {@code Conflicts/}, and the person is told. The note's name says when and which memory (the
 * end of its id), never the memory's words: the name travels in the notice, and a notice outlives a forget.
 */
@Component
class ConflictNotes {
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd HHmm");

    private final UserSettings settings;
    private final VaultStore store;
    private final VaultEvents events;
    private final Clock clock;

    ConflictNotes(UserSettings settings, VaultStore store, VaultEvents events, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    void write(SyncRun run, Memory memory, MemoryNote theirs) throws IOException {
        Instant now = clock.instant();
        LocalDateTime local = LocalDateTime.ofInstant(now, settings.timeZone(run.user));
        String stem = VaultView.CONFLICTS + "/" + NAME.format(local) + " (" + memory.id().substring(memory.id().length() - 8) + ")";
        String path = stem + ".md";
        for (int n = 2; Files.exists(run.root.resolve(path)) || run.files.containsKey(path); n++) {
            path = stem + " " + n + ".md";
        }
        String content = new Frontmatter().list("tags", List.of("mnemo/conflict")).text("mnemo_id", memory.id())
                .plain("date", local.toLocalDate()).end()
                + "# Changed in the vault and in Mnemo\n\n"
                + "Since the last sync this memory was changed both here and in a conversation with Mnemo. The memory "
                + "keeps Mnemo's version; yours is below. To keep yours, copy it into the memory's note.\n\n"
                + "## Your version in the vault\n" + NoteRenderer.escaped(theirs.text()) + "\n\n"
                + "- importance: " + (theirs.importance() == null ? "-" : theirs.importance()) + "\n"
                + "- tags: " + String.join(", ", theirs.tags()) + "\n\n"
                + "## Mnemo's version\n" + NoteRenderer.escaped(NoteRenderer.oneLine(memory.text())) + "\n\n"
                + "- importance: " + memory.importance() + "\n"
                + "- tags: " + String.join(", ", NoteRenderer.obsidianTags(memory.tags())) + "\n";
        Path file = VaultFiles.inside(run.root, path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        run.changed.add(path);
        run.files.put(path, new VaultStore.WrittenFile(path, memory.id(), NoteRenderer.contentHash(memory)));
        store.wrote(run.user, path, memory.id(), NoteRenderer.contentHash(memory));
        run.conflicts++;
        events.publish(new VaultConflictFound(run.user, memory.id(), path, now));
    }

    /**
     * A file that both sides changed: one version stays in place, the other ({@code other}) is kept beside it — in
     * {@code Conflicts/} when the file is in a folder Mnemo writes, whose notes carry memory words in their names
     * and are swept —, and the person is told.
     */
    void keepBoth(SyncRun run, String path, byte[] other) throws IOException {
        copy(run, path, other, VaultView.rendered(path));
    }

    /** A version of a file that cannot stay where it was (its place taken): kept in {@code Conflicts/}, the person told. */
    void keepAside(SyncRun run, String path, byte[] version) throws IOException {
        copy(run, path, version, true);
    }

    private void copy(SyncRun run, String path, byte[] other, boolean aside) throws IOException {
        String when = NAME.format(LocalDateTime.ofInstant(clock.instant(), settings.timeZone(run.user)));
        int dot = path.lastIndexOf('.');
        String ext = dot > path.lastIndexOf('/') ? path.substring(dot) : "";
        String stem = aside ? VaultView.CONFLICTS + "/" + when + " (a copy)"
                : (dot > path.lastIndexOf('/') ? path.substring(0, dot) : path) + " (conflict " + when + ")";
        String copy = stem + ext;
        for (int n = 2; Files.exists(run.root.resolve(copy)); n++) {
            copy = stem + " " + n + ext;
        }
        Path file = VaultFiles.inside(run.root, copy);
        Files.createDirectories(file.getParent());
        Files.write(file, other);
        run.changed.add(copy);
        run.conflicts++;
        events.publish(new VaultConflictFound(run.user, null, copy, clock.instant()));
    }
}
