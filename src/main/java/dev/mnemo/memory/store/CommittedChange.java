package dev.mnemo.memory.store;

import java.util.List;
import java.util.Map;

/**
 * What one committed change did to a user's searchable memories, for whatever keeps a copy of them (the
 * in-memory indexes, the embedding cache).
 *
 * @param generation the user's generation the change committed
 * @param upserts    search keys ({@link StoredMemory#searchKey}) of memories added or changed, by id
 * @param vectors    new vectors, by id (of the current embedding model): for the reworded ones
 * @param removals   memories no longer searchable (pruned, merged away, deleted)
 * @param reload     the change cannot be patched in (a restore): copies must be rebuilt
 * @param deletedTexts texts deleted for good, to drop from every cache
 */
public record CommittedChange(String userId, long generation, Map<String, SearchKey> upserts,
                              Map<String, float[]> vectors, List<String> removals, boolean reload,
                              List<String> deletedTexts) {

    /** Told, after the commit (of the outer transaction, when the change joined one), what each change did. */
    public interface Follower {
        void committed(CommittedChange change);
    }
}
