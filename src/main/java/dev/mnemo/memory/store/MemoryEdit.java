package dev.mnemo.memory.store;

import dev.mnemo.memory.MemoryVersion;
import dev.mnemo.memory.VersionReason;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One change to one user's memories, inside its transaction: each method writes the rows and notes what the
 * indexes must learn; {@link #publish} queues the past-tense events that tell everyone else after commit.
 * Only {@link MemoryChanges} makes one.
 */
public final class MemoryEdit {
    private final MemoryTables tables;
    private final String userId;
    private final long now;
    private final Map<String, SearchKey> upserts = new LinkedHashMap<>();
    private final Map<String, float[]> vectors = new LinkedHashMap<>();
    private final Set<String> removals = new LinkedHashSet<>();
    private final List<String> deletedTexts = new ArrayList<>();
    private final List<Object> events = new ArrayList<>();
    private boolean reload;

    MemoryEdit(MemoryTables tables, String userId, long now) {
        this.tables = tables;
        this.userId = userId;
        this.now = now;
    }

    /** The time of this change: every row it writes carries it. */
    public long now() {
        return now;
    }

    public void add(StoredMemory memory, Collection<String> sources, String model, float[] vector) {
        own(memory);
        tables.memories().insert(memory);
        tables.history().addSources(memory.id(), sources);
        tables.vectors().put(memory.id(), model, vector);
        upsert(memory.id(), memory.searchKey(), vector);
    }

    /**
     * Replaces {@code old}'s content with {@code revised}'s. With a {@code reason}, the old content is kept
     * as a version; a reworded memory needs its new {@code vector}.
     */
    public void revise(StoredMemory old, StoredMemory revised, VersionReason reason, String model, float[] vector) {
        own(old);
        boolean reworded = !revised.text().equals(old.text());
        if (reworded && vector == null) {
            throw new IllegalArgumentException("a reworded memory needs its new vector");
        }
        if (reason != null) {
            // The old content held until the new one was said: now, or an imported statement's time.
            tables.history().addVersion(old, reason, revised.updatedAt());
        }
        tables.memories().updateContent(revised);
        if (reworded) {
            tables.vectors().replace(old.id(), model, vector);
            upsert(old.id(), revised.searchKey(), vector);
        } else if (!revised.searchKey().equals(old.searchKey())) {
            upsert(old.id(), revised.searchKey(), null);
        }
    }

    /** An earlier version brought from elsewhere (an import): history only, nothing searchable changes. */
    public void addVersion(StoredMemory memory, MemoryVersion version) {
        own(memory);
        tables.history().addVersion(memory.id(), version);
    }

    /** Adds messages the memory was taken from; true when one of them was not among them yet. */
    public boolean addSources(StoredMemory memory, Collection<String> sources) {
        own(memory);
        boolean anyNew = !tables.history().sources(memory.id()).containsAll(sources);
        tables.history().addSources(memory.id(), sources);
        return anyNew;
    }

    /** The person said it again: stronger, without counting as a recall. */
    public void reinforce(StoredMemory memory) {
        own(memory);
        tables.memories().reinforce(memory, now);
    }

    /** {@code other} becomes part of {@code into}: its content is kept as a version of it, and it is gone. */
    public void absorb(StoredMemory into, StoredMemory other, VersionReason reason) {
        own(into);
        own(other);
        tables.history().addVersion(other, reason, now);
        tables.history().move(other.id(), into.id());
        tables.vectors().delete(other.id());
        tables.memories().delete(other.id());
        removals.add(other.id());
    }

    public void prune(StoredMemory memory) {
        own(memory);
        tables.memories().setStatus(memory.id(), MemoryStatus.PRUNED, now);
        removals.add(memory.id());
    }

    public void restore(StoredMemory memory) {
        own(memory);
        tables.memories().setStatus(memory.id(), MemoryStatus.ACTIVE, now);
        tables.memories().reinforce(memory, now);
        reload = true;
    }

    /** Deletes for good: the row, its versions, provenance and vectors, and every cached copy of its text. */
    public void delete(StoredMemory memory) {
        own(memory);
        tables.vectors().delete(memory.id());
        tables.history().delete(memory.id());
        tables.memories().delete(memory.id());
        removals.add(memory.id());
        deletedTexts.add(memory.text());
    }

    /**
     * The messages are being redacted: memories taken from them no longer keep their words as search context
     * (a memory forgotten with them must not live on in a sibling's context).
     */
    public void forgetMessages(Collection<String> messageIds) {
        if (tables.memories().clearContext(userId, messageIds) > 0) {
            reload = true;
        }
    }

    /** A vector of a newly configured embedding model for an unchanged memory. */
    public void addVector(StoredMemory memory, String model, float[] vector) {
        own(memory);
        tables.vectors().put(memory.id(), model, vector);
        upsert(memory.id(), memory.searchKey(), vector);
    }

    /** Stores the decayed strength (nothing searchable changes). */
    public void decay(StoredMemory memory, double strength) {
        own(memory);
        tables.memories().setStrength(memory, strength, now);
    }

    /** Queues a past-tense event: it is stored with this transaction and delivered after it commits. */
    public void publish(Object event) {
        events.add(event);
    }

    List<Object> events() {
        return events;
    }

    boolean searchableChanged() {
        return reload || !upserts.isEmpty() || !removals.isEmpty();
    }

    CommittedChange committed(long generation) {
        return new CommittedChange(userId, generation, Map.copyOf(upserts), Map.copyOf(vectors),
                List.copyOf(removals), reload, List.copyOf(deletedTexts));
    }

    /** {@code vector} null: only the search key changed. */
    private void upsert(String id, SearchKey searchKey, float[] vector) {
        removals.remove(id);
        upserts.put(id, searchKey);
        if (vector != null) {
            vectors.put(id, vector);
        }
    }

    /** One edit, one person: a memory of someone else never slips into another's change. */
    private void own(StoredMemory memory) {
        if (!memory.userId().equals(userId)) {
            throw new IllegalArgumentException("memory " + memory.id() + " is not this user's");
        }
    }
}
