package dev.mnemo.memory.store;

import org.springframework.stereotype.Component;

/** The tables one memory change writes together. */
@Component
public record MemoryTables(Memories memories, MemoryHistory history, MemoryVectors vectors, Generations generations) {
}
