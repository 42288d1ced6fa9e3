package dev.mnemo.memory.sleep;

import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.VersionReason;
import dev.mnemo.memory.embedding.Thresholds;
import dev.mnemo.memory.index.IndexRegistry;
import dev.mnemo.memory.index.ScoredId;
import dev.mnemo.memory.index.UserIndex;
import dev.mnemo.memory.store.Memories;
import dev.mnemo.memory.store.StoredMemory;
import dev.mnemo.memory.write.Slots;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Merges near-duplicates (cosine at least the merge threshold) unless they fill the same slot differently
 * ("my sister is Anna" / "my sister is Maria") or are episodes (two runs on different days are two runs).
 */
@Component
class DuplicateMerger {
    private final Memories memories;
    private final IndexRegistry indexes;
    private final Thresholds thresholds;
    private final Folding folding;

    DuplicateMerger(Memories memories, IndexRegistry indexes, Thresholds thresholds, Folding folding) {
        this.memories = memories;
        this.indexes = indexes;
        this.thresholds = thresholds;
        this.folding = folding;
    }

    int merge(String userId) {
        UserIndex index = indexes.get(userId);
        Map<String, StoredMemory> active = new HashMap<>();
        memories.active(userId).forEach(m -> active.put(m.id(), m));
        Set<String> gone = new HashSet<>();
        int merged = 0;
        for (String id : active.keySet().stream().sorted().toList()) {
            float[] vector = index.vector(id);
            if (vector == null || gone.contains(id)) {
                continue;
            }
            for (ScoredId near : index.nearest(vector, 5)) {
                // Re-read both: an earlier merge of this run may have changed either.
                StoredMemory m = active.get(id);
                StoredMemory other = active.get(near.id());
                if (other == null || other.id().equals(id) || gone.contains(other.id())
                        || near.score() < thresholds.merge() || Slots.conflict(m.text(), other.text())
                        || m.kind() == MemoryKind.EVENT || other.kind() == MemoryKind.EVENT) {
                    continue;
                }
                StoredMemory keep = other.importance() > m.importance() ? other : m;
                StoredMemory drop = keep == m ? other : m;
                folding.fold(keep, List.of(drop), Slots.richer(keep.text(), drop.text()), keep.kind(),
                        VersionReason.MERGED);
                gone.add(drop.id());
                active.remove(drop.id());
                memories.find(userId, keep.id()).ifPresent(fresh -> active.put(fresh.id(), fresh));
                merged++;
                if (drop == m) {
                    break;
                }
            }
        }
        return merged;
    }
}
