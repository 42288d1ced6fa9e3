package dev.mnemo.memory.store;

/** Where a stored memory is in its life: searched and recalled, or pruned (out of every index, restorable). */
public enum MemoryStatus {
    ACTIVE, PRUNED
}
