package dev.mnemo.vault.internal;

import dev.mnemo.memory.Memory;
import dev.mnemo.memory.MemoryKind;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the layout derives from a memory's words alone — the people and topics it is about, its note's safe name —
 * kept from one sync to the next, so that a sync that changed one memory does not parse ten thousand again. Entries
 * are by memory id and hold the words they were derived from; entries no layout used last time are dropped. Not
 * thread-safe: one sync at a time uses it.
 */
final class SubjectCache {
    private Map<String, Derived> derived = new HashMap<>();
    private Map<String, Derived> used = new HashMap<>();

    /** The people and topics of a memory (the same sets {@link Subjects} gives). */
    Found of(Memory memory) {
        return entry(memory).found;
    }

    /** {@code NoteNames.of(VaultView.title(memory's text), suffix)}. */
    String name(Memory memory, String suffix) {
        Derived entry = entry(memory);
        if (!suffix.equals(entry.suffix)) {
            entry.suffix = suffix;
            entry.name = NoteNames.of(VaultView.title(memory.text()), suffix);
        }
        return entry.name;
    }

    /** Ends a layout: what it did not use is forgotten. */
    void done() {
        derived = used;
        used = new HashMap<>();
    }

    private Derived entry(Memory memory) {
        Derived entry = used.get(memory.id());
        if (entry == null) {
            entry = derived.get(memory.id());
            if (entry == null || !entry.text.equals(memory.text()) || entry.kind != memory.kind()
                    || !entry.tags.equals(memory.tags())) {
                Set<String> people = Subjects.people(memory);
                entry = new Derived(memory.text(), memory.kind(), memory.tags(), new Found(
                        Collections.unmodifiableSet(people), Collections.unmodifiableSet(Subjects.topics(memory, people))));
            }
            used.put(memory.id(), entry);
        }
        return entry;
    }

    record Found(Set<String> people, Set<String> topics) {
    }

    private static final class Derived {
        final String text;
        final MemoryKind kind;
        final List<String> tags;
        final Found found;
        String suffix;
        String name;

        Derived(String text, MemoryKind kind, List<String> tags, Found found) {
            this.text = text;
            this.kind = kind;
            this.tags = tags;
            this.found = found;
        }
    }
}
