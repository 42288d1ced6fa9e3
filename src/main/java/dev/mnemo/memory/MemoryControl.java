package dev.mnemo.memory;

import java.util.List;
import java.util.Optional;

/** What a person can do to their memories: look, correct, delete, and forget by query with confirmation. */
public interface MemoryControl {

    Optional<Memory> get(String userId, String memoryId);

    /** The user a memory belongs to (active or pruned). */
    Optional<String> ownerOf(String memoryId);

    /**
     * Sets an active memory aside as sleep does (out of recall, restorable until purged): what deleting its note in
     * the vault means. False when it is not active.
     */
    boolean prune(String userId, String memoryId);

    /** A pruned memory, while it can still be restored. */
    Optional<Memory> getPruned(String userId, String memoryId);

    /** Every active memory of the person, or every pruned one still restorable, in id order. */
    List<Memory> all(String userId, boolean pruned);

    /** Brings back a pruned memory during its grace period. */
    boolean restore(String userId, String memoryId);

    /** A person's edit; the previous version goes into the history. Null arguments keep what is there. */
    Optional<Memory> edit(String userId, String memoryId, String text, MemoryKind kind, Integer importance,
                          List<String> tags);

    /** Deletes for good: the memory, its vectors, its cache entries, its history, and the source texts. */
    boolean delete(String userId, String memoryId);

    /** Earlier versions, newest first; empty when the memory does not exist for this user. */
    Optional<List<MemoryVersion>> history(String userId, String memoryId);

    /** The memories a {@code /forget} would delete (an id, an id prefix, or a search), kept until confirmed. */
    List<Memory> requestForget(String userId, String query);

    /** Deletes what the last {@link #requestForget} listed; returns how many, 0 when nothing is pending. */
    int confirmForget(String userId);

    /** What a {@link #requestForget} would list, without keeping it for a confirmation (another client keeps its own). */
    List<Memory> matchForget(String userId, String query);

    /** Deletes these of the person's memories for good, as {@link #confirmForget}, in one go; returns how many. */
    int forget(String userId, List<String> ids);
}
