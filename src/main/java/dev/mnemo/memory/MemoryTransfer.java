package dev.mnemo.memory;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * A person's memories in and out as {@link PortableMemory} values, so they can bring memories from another
 * assistant and take theirs away.
 */
public interface MemoryTransfer {

    /** The person's active memories, oldest said first, each with its history. */
    List<PortableMemory> export(String userId);

    /**
     * Writes the memories through the write path (each merges, corrects or is added, as anything said would),
     * oldest said first, all in one transaction: a failure leaves nothing imported.
     *
     * @param progress told how many are written so far, after each one
     */
    ImportSummary importAll(String userId, List<PortableMemory> memories, IntConsumer progress);

    /** How the imported memories ended up. */
    record ImportSummary(int added, int merged, int corrected) {
    }
}
