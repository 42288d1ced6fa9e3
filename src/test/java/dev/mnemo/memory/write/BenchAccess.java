package dev.mnemo.memory.write;

import dev.mnemo.memory.MemoryKind;

/** Lets benchmarks in other packages score importance the way the offline judge does. */
public final class BenchAccess {
    private BenchAccess() {
    }

    public static int heuristicImportance(String text) {
        return ImportanceJudge.heuristic(text, MemoryKind.EVENT);
    }
}
