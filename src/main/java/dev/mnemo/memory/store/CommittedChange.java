package dev.mnemo.memory.store;

import java.util.List;
import java.util.Map;

/**
 * What one committed change did to a user's searchable memories, for whatever keeps a copy of them (the
 * in-memory indexes, the embedding cache).
 *
 * @param generation the user's generation the change committed
 * @param upserts    texts of memories added or reworded, by id
 * @param vectors    their new vectors, by id (of the current embedding model)
 * @param removals   memories no longer searchable (pruned, merged away, deleted)
 * @param reload     the change cannot be patched in (a restore): copies must be rebuilt
 * @param deletedTexts texts deleted for good, to drop from every cache
 */
public record CommittedChange(String userId, long generation, Map<String, String> upserts,
                              Map<String, float[]> vectors, List<String> removals, boolean reload,
                              List<String> deletedTexts) {

    /** Told, after the commit (of the outer transaction, when the change joined one), what each change did. */
    public interface Follower {
        void committed(CommittedChange change);
    }
}
