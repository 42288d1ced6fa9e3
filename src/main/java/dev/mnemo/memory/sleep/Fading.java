package dev.mnemo.memory.sleep;

import dev.mnemo.memory.MemoryChanged.MemoriesPurged;
import dev.mnemo.memory.MemoryChanged.MemoryPruned;
import dev.mnemo.memory.MemoryProperties;
import dev.mnemo.memory.store.Memories;
import dev.mnemo.memory.store.MemoryChanges;
import dev.mnemo.memory.store.StoredMemory;
import dev.mnemo.memory.write.MemoryJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** The forgetting curve at work: strengths decay, weak unimportant memories are pruned, old pruned ones purged. */
@Component
class Fading {
    private static final int DECAY_BATCH = 200;
    /** Failed extraction jobs quote messages; after this they are dropped. */
    private static final Duration FAILED_JOBS_KEPT = Duration.ofDays(30);

    private final Memories memories;
    private final MemoryChanges changes;
    private final MemoryJobs jobs;
    private final MemoryProperties properties;

    Fading(Memories memories, MemoryChanges changes, MemoryJobs jobs, MemoryProperties properties) {
        this.memories = memories;
        this.changes = changes;
        this.jobs = jobs;
        this.properties = properties;
    }

    /** In short transactions, so replies being stored meanwhile never wait long for the database. */
    int decay(String userId) {
        List<StoredMemory> active = memories.active(userId);
        int changed = 0;
        for (int from = 0; from < active.size(); from += DECAY_BATCH) {
            List<StoredMemory> batch = active.subList(from, Math.min(active.size(), from + DECAY_BATCH));
            changed += changes.apply(userId, edit -> {
                int n = 0;
                for (StoredMemory m : batch) {
                    double current = memories.currentStrength(m, edit.now());
                    if (m.strength() - current > 1e-4) {
                        edit.decay(m, current);
                        n++;
                    }
                }
                return n;
            });
        }
        return changed;
    }

    int prune(String userId) {
        return changes.apply(userId, edit -> {
            List<StoredMemory> weak = memories.active(userId).stream()
                    .filter(m -> m.importance() <= properties.pruneMaxImportance()
                            && memories.currentStrength(m, edit.now()) < properties.pruneBelow())
                    .toList();
            if (!weak.isEmpty()) {
                weak.forEach(edit::prune);
                edit.publish(new MemoryPruned(userId, weak.stream().map(StoredMemory::id).toList(),
                        Instant.ofEpochMilli(edit.now())));
            }
            return weak.size();
        });
    }

    int purge(String userId) {
        int purged = changes.apply(userId, edit -> {
            List<StoredMemory> expired = memories.prunedBefore(userId, edit.now() - properties.purgeAfter().toMillis());
            if (!expired.isEmpty()) {
                expired.forEach(edit::delete);
                edit.publish(new MemoriesPurged(userId, expired.stream().map(StoredMemory::id).toList(),
                        Instant.ofEpochMilli(edit.now())));
            }
            return expired.size();
        });
        jobs.purgeFailed(FAILED_JOBS_KEPT);
        return purged;
    }
}
