package dev.mnemo.memory;

import dev.mnemo.memory.MemoryChanged.MemoriesForgotten;
import dev.mnemo.memory.MemoryChanged.MemoryEdited;
import dev.mnemo.memory.MemoryChanged.MemoryPruned;
import dev.mnemo.memory.MemoryChanged.MemoryRestored;
import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.read.Retriever;
import dev.mnemo.memory.store.ForgetRequests;
import dev.mnemo.memory.store.Memories;
import dev.mnemo.memory.store.MemoryChanges;
import dev.mnemo.memory.store.MemoryHistory;
import dev.mnemo.memory.store.MemoryStatus;
import dev.mnemo.memory.store.StoredMemory;
import dev.mnemo.memory.write.Candidate;
import dev.mnemo.memory.write.MemoryJobs;
import dev.mnemo.system.StorableText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/** What a person does to their own memories: look, edit, restore, delete, and forget with a confirmation. */
@Service
class ControlService implements MemoryControl {
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "my", "about", "that",
            "this", "with", "for", "from", "was", "are", "his", "her", "their", "our", "you", "your");
    private static final Pattern ID_PREFIX = Pattern.compile("[0-9a-f]{8}(-[0-9a-f-]{0,28})?");

    private final MemoryChanges changes;
    private final Memories memories;
    private final MemoryHistory history;
    private final ForgetRequests forgetRequests;
    private final Retriever retriever;
    private final Embedder embedder;
    private final MemoryJobs jobs;

    ControlService(MemoryChanges changes, Memories memories, MemoryHistory history, ForgetRequests forgetRequests,
                   Retriever retriever, Embedder embedder, MemoryJobs jobs) {
        this.changes = changes;
        this.memories = memories;
        this.history = history;
        this.forgetRequests = forgetRequests;
        this.retriever = retriever;
        this.embedder = embedder;
        this.jobs = jobs;
    }

    @Override
    public Optional<Memory> get(String userId, String memoryId) {
        return active(userId, memoryId).map(memories::toMemory);
    }

    @Override
    public Optional<Memory> edit(String userId, String memoryId, String text, MemoryKind kind, Integer importance,
                                 List<String> tags) {
        return changes.locked(userId, () -> {
            Optional<StoredMemory> found = active(userId, memoryId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            StoredMemory old = found.get();
            String newText = text == null || text.isBlank() ? old.text() : StorableText.of(text.strip());
            List<String> newTags = tags == null ? old.tags()
                    : new Candidate(newText, old.kind(), 1, tags.stream().map(StorableText::of).toList(), false).tags();
            StoredMemory edited = old.withContent(newText, kind == null ? old.kind() : kind,
                    importance == null ? old.importance() : Math.max(1, Math.min(10, importance)), newTags,
                    old.updatedAt());
            if (edited.equals(old)) {
                return Optional.of(memories.toMemory(old)); // nothing changes: no new version in the history
            }
            float[] vector = newText.equals(old.text()) ? null : embedder.embed(newText);
            changes.run(userId, edit -> {
                // The person's own words replace the message it came from: what they edited away is not searched.
                StoredMemory now = old.withContent(edited.text(), edited.kind(), edited.importance(), edited.tags(),
                        edit.now()).withoutContext();
                edit.revise(old, now, VersionReason.EDITED, embedder.modelId(), vector);
                edit.publish(new MemoryEdited(userId, memoryId, Instant.ofEpochMilli(edit.now())));
            });
            return active(userId, memoryId).map(memories::toMemory);
        });
    }

    @Override
    public boolean delete(String userId, String memoryId) {
        return forgetAll(userId, List.of(memoryId)) == 1;
    }

    @Override
    public Optional<String> ownerOf(String memoryId) {
        return memories.ownerOf(memoryId);
    }

    @Override
    public boolean restore(String userId, String memoryId) {
        return changes.apply(userId, edit -> {
            Optional<StoredMemory> pruned = memories.find(userId, memoryId)
                    .filter(m -> m.status() == MemoryStatus.PRUNED);
            pruned.ifPresent(m -> {
                edit.restore(m);
                edit.publish(new MemoryRestored(userId, memoryId, Instant.ofEpochMilli(edit.now())));
            });
            return pruned.isPresent();
        });
    }

    @Override
    public boolean prune(String userId, String memoryId) {
        return changes.apply(userId, edit -> {
            Optional<StoredMemory> found = active(userId, memoryId);
            found.ifPresent(m -> {
                edit.prune(m);
                edit.publish(new MemoryPruned(userId, List.of(memoryId), Instant.ofEpochMilli(edit.now())));
            });
            return found.isPresent();
        });
    }

    @Override
    public Optional<Memory> getPruned(String userId, String memoryId) {
        return memories.find(userId, memoryId).filter(m -> m.status() == MemoryStatus.PRUNED).map(memories::toMemory);
    }

    @Override
    public List<Memory> all(String userId, boolean pruned) {
        return memories.toMemories(pruned ? memories.prunedBefore(userId, Long.MAX_VALUE) : memories.active(userId));
    }

    @Override
    public Optional<List<MemoryVersion>> history(String userId, String memoryId) {
        return memories.find(userId, memoryId).map(m -> history.versions(m.id()));
    }

    @Override
    public List<Memory> requestForget(String userId, String query) {
        Map<String, StoredMemory> matches = forgetMatches(userId, query);
        forgetRequests.save(userId, List.copyOf(matches.keySet()));
        return memories.toMemories(List.copyOf(matches.values()));
    }

    @Override
    public List<Memory> matchForget(String userId, String query) {
        return memories.toMemories(List.copyOf(forgetMatches(userId, query).values()));
    }

    @Override
    public int forget(String userId, List<String> ids) {
        return ids.isEmpty() ? 0 : forgetAll(userId, ids);
    }

    private Map<String, StoredMemory> forgetMatches(String userId, String query) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        Map<String, StoredMemory> matches = new LinkedHashMap<>();
        if (ID_PREFIX.matcher(q).matches()) {
            memories.idsStartingWith(userId, q).forEach(id -> memories.find(userId, id).ifPresent(m -> matches.put(id, m)));
        }
        if (matches.isEmpty()) {
            retriever.matching(userId, query, 10, RecallService.SEARCH_SIMILARITY).forEach(m -> matches.put(m.id(), m));
            // Pruned memories are out of the search index but still exist (restorable): forget reaches them too.
            List<String> words = Arrays.stream(q.split("[^\\p{L}\\p{N}']+"))
                    .filter(w -> w.length() >= 3 && !STOP_WORDS.contains(w)).toList();
            memories.prunedContaining(userId, words).forEach(m -> matches.put(m.id(), m));
        }
        return matches;
    }

    @Override
    public int confirmForget(String userId) {
        List<String> ids = forgetRequests.take(userId);
        return ids.isEmpty() ? 0 : forgetAll(userId, ids);
    }

    /**
     * Deletes for good, everywhere: rows, vectors, history, caches, indexes, queued work and source texts — in
     * one transaction with the conversation's redaction of the messages they came from, or not at all.
     */
    private int forgetAll(String userId, List<String> ids) {
        return changes.apply(userId, edit -> {
            List<StoredMemory> doomed = new ArrayList<>();
            ids.forEach(id -> memories.find(userId, id).ifPresent(doomed::add));
            if (doomed.isEmpty()) {
                return 0;
            }
            List<String> sources = new ArrayList<>();
            doomed.forEach(m -> sources.addAll(history.sources(m.id())));
            doomed.forEach(edit::delete);
            edit.forgetMessages(sources);
            jobs.forgetMessages(sources);
            edit.publish(new ForgottenSources(userId, List.copyOf(sources), doomed.stream().map(StoredMemory::text).toList()));
            edit.publish(new MemoriesForgotten(userId, doomed.stream().map(StoredMemory::id).toList(),
                    Instant.ofEpochMilli(edit.now())));
            return doomed.size();
        });
    }

    private Optional<StoredMemory> active(String userId, String memoryId) {
        return memories.find(userId, memoryId).filter(StoredMemory::active);
    }
}
