package dev.mnemo.memory.sleep;

import dev.mnemo.memory.MemoryChanged;
import dev.mnemo.memory.MemoryChanged.MemoryMerged;
import dev.mnemo.memory.MemoryChanged.MemorySummarised;
import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.VersionReason;
import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.store.MemoryChanges;
import dev.mnemo.memory.store.StoredMemory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Makes one memory of several: the survivor takes the new text, and the others' content and history become its history. */
@Component
class Folding {
    private final MemoryChanges changes;
    private final Embedder embedder;

    Folding(MemoryChanges changes, Embedder embedder) {
        this.changes = changes;
        this.embedder = embedder;
    }

    /** {@code reason} is {@link VersionReason#MERGED} (duplicates) or {@link VersionReason#SUMMARISED} (episodes). */
    void fold(StoredMemory keep, List<StoredMemory> others, String text, MemoryKind kind, VersionReason reason) {
        int importance = Math.max(keep.importance(), others.stream().mapToInt(StoredMemory::importance).max().orElse(1));
        Set<String> tags = new LinkedHashSet<>(keep.tags());
        others.forEach(o -> tags.addAll(o.tags()));
        boolean reworded = !text.equals(keep.text());
        float[] vector = reworded ? embedder.embed(text) : null;
        changes.run(keep.userId(), edit -> {
            // Unchanged words keep the time they were said: a merge is not the person saying it again today.
            StoredMemory folded = keep.withContent(text, kind, importance, new ArrayList<>(tags),
                    reworded || reason == VersionReason.SUMMARISED ? edit.now() : keep.updatedAt());
            // A summary always keeps the episode it replaced; a merge only when the wording changed.
            edit.revise(keep, folded, reworded || reason == VersionReason.SUMMARISED ? reason : null,
                    embedder.modelId(), vector);
            others.forEach(other -> edit.absorb(keep, other, reason));
            edit.reinforce(keep);
            List<String> absorbed = others.stream().map(StoredMemory::id).toList();
            Instant at = Instant.ofEpochMilli(edit.now());
            MemoryChanged event = reason == VersionReason.SUMMARISED
                    ? new MemorySummarised(keep.userId(), keep.id(), absorbed, at)
                    : new MemoryMerged(keep.userId(), keep.id(), absorbed, reworded, at);
            edit.publish(event);
        });
    }
}
