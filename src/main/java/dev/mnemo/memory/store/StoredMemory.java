package dev.mnemo.memory.store;

import dev.mnemo.memory.MemoryKind;
import java.util.List;
import java.util.Locale;

/**
 * A memory row as stored; {@link Memories#toMemories} turns it into the public view with current strength.
 *
 * @param context the message the memory was taken from, when that says more than its text (else null): searched
 *                with it, never shown
 */
public record StoredMemory(String id, String userId, String text, MemoryKind kind, int importance, List<String> tags,
                           long createdAt, long updatedAt, Long lastAccessedAt, int accessCount, double strength,
                           long strengthAt, Long occurredAt, MemoryStatus status, String context) {

    public StoredMemory withContent(String newText, MemoryKind newKind, int newImportance, List<String> newTags,
                                    long now) {
        return new StoredMemory(id, userId, newText, newKind, newImportance, newTags, createdAt, now, lastAccessedAt,
                accessCount, strength, strengthAt, occurredAt, status, context);
    }

    public StoredMemory withoutContext() {
        return new StoredMemory(id, userId, text, kind, importance, tags, createdAt, updatedAt, lastAccessedAt,
                accessCount, strength, strengthAt, occurredAt, status, null);
    }

    /** The same memory taken from another message (a correction's); a null context keeps the one it had. */
    public StoredMemory withContext(String newContext) {
        return newContext == null ? this : new StoredMemory(id, userId, text, kind, importance, tags, createdAt,
                updatedAt, lastAccessedAt, accessCount, strength, strengthAt, occurredAt, status, newContext);
    }

    /**
     * What the keyword index searches: the text with what it is about — its tags and its kind — so "my plans"
     * or "anything about health" find memories whose words do not say so; and the message it came from.
     */
    public SearchKey searchKey() {
        StringBuilder key = new StringBuilder(text).append(" \n").append(kind.name().toLowerCase(Locale.ROOT));
        tags.forEach(tag -> key.append(' ').append(tag.replace('-', ' ')));
        return new SearchKey(key.toString(), context);
    }

    public boolean active() {
        return status == MemoryStatus.ACTIVE;
    }
}
