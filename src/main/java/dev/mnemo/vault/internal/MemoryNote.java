package dev.mnemo.vault.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A memory's note as the person left it: what they can change there (the text — the paragraph under the
 * properties —, kind, importance, tags) and the memory it is, by {@code mnemo_id}.
 */
record MemoryNote(String id, String text, String kind, Integer importance, List<String> tags, boolean mergeMarkers) {
    /** What git leaves in a file it could not merge (obsidian-git on a phone pushes such files). */
    static final Pattern MERGE_MARKERS = Pattern.compile("(?m)^(<{7}|={7}|>{7})( |$)");

    String contentHash() {
        return NoteRenderer.contentHash(text, kind, importance == null ? 0 : importance, tags);
    }

    /** Empty when the note has no readable properties or no {@code mnemo_id}: not one of Mnemo's. */
    static Optional<MemoryNote> read(String content) {
        Frontmatter.Parsed parsed = Frontmatter.parse(content);
        Optional<String> id = parsed.string("mnemo_id");
        if (!parsed.valid() || id.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (String line : parsed.body().split("\n", -1)) {
            if (line.startsWith("## ") || line.startsWith("Set aside: ")) {
                break;
            }
            if (!line.isBlank()) {
                text.append(text.isEmpty() ? "" : " ").append(line.strip());
            }
        }
        Integer importance;
        try {
            importance = Math.max(1, Math.min(10, Integer.parseInt(parsed.string("importance").orElse("").strip())));
        } catch (NumberFormatException e) {
            importance = null; // not a number: the memory keeps its importance
        }
        List<String> tags = NoteRenderer.obsidianTags(parsed.strings("tags").stream()
                .map(t -> t.startsWith("#") ? t.substring(1) : t).filter(t -> !t.startsWith("mnemo/")).toList());
        return Optional.of(new MemoryNote(id.get().strip(), NoteRenderer.unescaped(text.toString()),
                parsed.string("kind").orElse("fact").strip().toLowerCase(Locale.ROOT), importance, tags,
                MERGE_MARKERS.matcher(parsed.body()).find()));
    }
}
