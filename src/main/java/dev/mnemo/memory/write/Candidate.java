package dev.mnemo.memory.write;

import dev.mnemo.memory.MemoryKind;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Something that may be worth remembering, before it is judged and compared with what is known.
 *
 * @param importance 1..10 once judged; 0 before
 * @param correction the statement presents itself as a correction ("actually…", "not X", "no longer")
 */
public record Candidate(String text, MemoryKind kind, int importance, List<String> tags, boolean correction) {
    public Candidate {
        tags = tags == null ? List.of() : tags.stream().filter(Objects::nonNull).map(t -> t.strip().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty() && !t.contains(",")).distinct().toList();
    }

    public Candidate withImportance(int value) {
        return new Candidate(text, kind, Math.max(1, Math.min(10, value)), tags, correction);
    }
}
