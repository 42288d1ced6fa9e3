package dev.mnemo.memory;

import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.store.Memories;
import dev.mnemo.memory.store.MemoryChanges;
import dev.mnemo.memory.store.StoredMemory;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * After the embedding model changes, embeds every memory that has no vector of the new model yet, in the
 * background and in batches. Meanwhile keyword search still finds those memories; vectors of the old model
 * stay until the memory is deleted.
 */
@Component
class ReEmbedder {
    private static final Logger log = LoggerFactory.getLogger(ReEmbedder.class);
    private static final int BATCH = 64;

    private final Memories memories;
    private final Embedder embedder;
    private final MemoryChanges changes;
    private final boolean background;

    ReEmbedder(Memories memories, Embedder embedder, MemoryChanges changes, MemoryProperties properties) {
        this.memories = memories;
        this.embedder = embedder;
        this.changes = changes;
        this.background = properties.backgroundJobs();
    }

    @Scheduled(initialDelay = 5_000, fixedDelay = 300_000)
    @SchedulerLock(name = "memory-re-embed", lockAtMostFor = "PT1M")
    public void scheduled() {
        if (background) {
            catchUp();
        }
    }

    /** Embeds the whole backlog; returns how many memories got a vector. */
    int catchUp() {
        int done = 0;
        List<StoredMemory> batch;
        while (!(batch = memories.withoutVector(embedder.modelId(), BATCH)).isEmpty()) {
            List<float[]> vectors = embedder.embedAll(batch.stream().map(StoredMemory::text).toList());
            int stored = 0;
            for (int i = 0; i < batch.size(); i++) {
                StoredMemory row = batch.get(i);
                float[] vector = vectors.get(i);
                // Embedding took a while: store the vector only if the memory is still there with that text.
                boolean current = changes.apply(row.userId(), edit -> memories.find(row.userId(), row.id())
                        .filter(now -> now.text().equals(row.text()) && now.active())
                        .map(now -> {
                            edit.addVector(now, embedder.modelId(), vector);
                            return true;
                        }).orElse(false));
                if (current) {
                    stored++;
                }
            }
            done += stored;
            if (stored == 0) {
                break; // everything in this batch changed under us: the next run picks up what is left
            }
        }
        if (done > 0) {
            log.info("Embedded {} memories with {}", done, embedder.modelId());
        }
        return done;
    }
}
