package dev.mnemo.vault.internal;

import dev.mnemo.memory.MemoryChanged;
import dev.mnemo.memory.MemoryChanged.MemoriesForgotten;
import dev.mnemo.memory.MemoryChanged.MemoriesPurged;
import dev.mnemo.memory.MemoryChanged.MemoryAdded;
import dev.mnemo.memory.MemoryChanged.MemoryCorrected;
import dev.mnemo.memory.MemoryChanged.MemoryEdited;
import dev.mnemo.memory.MemoryChanged.MemoryMerged;
import dev.mnemo.memory.MemoryChanged.MemoryPruned;
import dev.mnemo.memory.MemoryChanged.MemoryRestored;
import dev.mnemo.memory.MemoryChanged.MemorySummarised;
import dev.mnemo.vault.Vault;
import dev.mnemo.vault.VaultProperties;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Hears every committed change to the vault person's memories: logs it for the daily notes and marks the memories
 * for the next sync. Delivered again after a crash (the event publication registry), and idempotent.
 */
@Component
class VaultChangeLog {
    private final Vault vault;
    private final VaultStore store;
    private final VaultProperties properties;

    VaultChangeLog(Vault vault, VaultStore store, VaultProperties properties) {
        this.vault = vault;
        this.store = store;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(MemoryChanged change) {
        if (!vault.on() || !change.userId().equals(vault.user())) {
            return;
        }
        String user = change.userId();
        switch (change) {
            case MemoryAdded c -> store.log(user, c.at(), Change.LEARNED, c.memoryId(), 1);
            case MemoryMerged c -> store.log(user, c.at(), Change.MERGED, c.memoryId(), 1);
            case MemoryCorrected c -> store.log(user, c.at(), Change.CORRECTED, c.memoryId(), 1);
            case MemoryEdited c -> store.log(user, c.at(), Change.EDITED, c.memoryId(), 1);
            case MemorySummarised c -> store.log(user, c.at(), Change.SUMMARISED, c.memoryId(), 1);
            case MemoryPruned c -> c.memoryIds().forEach(id -> store.log(user, c.at(), Change.PRUNED, id, 1));
            case MemoryRestored c -> store.log(user, c.at(), Change.RESTORED, c.memoryId(), 1);
            case MemoriesForgotten c -> {
                store.unlog(user, c.memoryIds());
                store.log(user, c.at(), Change.FORGOTTEN, null, c.memoryIds().size());
                if (properties.gitPurge()) {
                    store.pending(user, List.of(VaultStore.PURGE), c.at());
                }
            }
            case MemoriesPurged c -> {
                store.unlog(user, c.memoryIds());
                store.log(user, c.at(), Change.PURGED, null, c.memoryIds().size());
            }
        }
        store.pending(user, change.memoryIds(), change.at());
    }
}
