package dev.mnemo.memory;

import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.index.IndexRegistry;
import dev.mnemo.memory.store.MemoryStore;
import dev.mnemo.memory.store.StoredMemory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After the embedding model changes, embeds every memory that has no vector of the new model yet, in the
 * background and in batches. Meanwhile keyword search still finds those memories; vectors of the old model
 * stay until the memory is deleted.
 */
@Component
class ReEmbedder {
    private static final Logger log = LoggerFactory.getLogger(ReEmbedder.class);
    private static final int BATCH = 64;

    private final MemoryStore store;
    private final Embedder embedder;
    private final IndexRegistry indexes;
    private final TransactionTemplate transactions;
    private final boolean background;

    ReEmbedder(MemoryStore store, Embedder embedder, IndexRegistry indexes, TransactionTemplate transactions,
               @Value("${assistant.memory.background-jobs:true}") boolean background) {
        this.store = store;
        this.embedder = embedder;
        this.indexes = indexes;
        this.transactions = transactions;
        this.background = background;
    }

    @Scheduled(initialDelay = 5_000, fixedDelay = 300_000)
    void scheduled() {
        if (background) {
            catchUp();
        }
    }

    /** Embeds the whole backlog; returns how many memories got a vector. */
    int catchUp() {
        int done = 0;
        List<StoredMemory> batch;
        while (!(batch = store.withoutVector(embedder.modelId(), BATCH)).isEmpty()) {
            List<float[]> vectors = embedder.embedAll(batch.stream().map(StoredMemory::text).toList());
            Set<String> users = new LinkedHashSet<>();
            List<StoredMemory> rows = batch;
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < rows.size(); i++) {
                    store.putVector(rows.get(i).id(), embedder.modelId(), vectors.get(i));
                    users.add(rows.get(i).userId());
                }
                users.forEach(store::bumpGeneration);
            });
            users.forEach(indexes::invalidate);
            done += batch.size();
        }
        if (done > 0) {
            log.info("Embedded {} memories with {}", done, embedder.modelId());
        }
        return done;
    }
}
