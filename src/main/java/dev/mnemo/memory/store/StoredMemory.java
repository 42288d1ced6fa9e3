package dev.mnemo.memory.store;

import dev.mnemo.memory.MemoryKind;
import java.util.List;

/** A memory row as stored; {@link Memories#toMemories} turns it into the public view with current strength. */
public record StoredMemory(String id, String userId, String text, MemoryKind kind, int importance, List<String> tags,
                           long createdAt, long updatedAt, Long lastAccessedAt, int accessCount, double strength,
                           long strengthAt, Long occurredAt, MemoryStatus status) {

    public StoredMemory withContent(String newText, MemoryKind newKind, int newImportance, List<String> newTags,
                                    long now) {
        return new StoredMemory(id, userId, newText, newKind, newImportance, newTags, createdAt, now, lastAccessedAt,
                accessCount, strength, strengthAt, occurredAt, status);
    }

    public boolean active() {
        return status == MemoryStatus.ACTIVE;
    }
}
