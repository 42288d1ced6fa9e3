package dev.mnemo.memory;

import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.index.IndexRegistry;
import dev.mnemo.memory.read.Retriever;
import dev.mnemo.memory.sleep.Activity;
import dev.mnemo.memory.store.MemoryStore;
import dev.mnemo.memory.store.StoredMemory;
import dev.mnemo.memory.write.Candidate;
import dev.mnemo.memory.write.CandidateExtractor;
import dev.mnemo.memory.write.ImportanceJudge;
import dev.mnemo.memory.write.MemoryJobWorker;
import dev.mnemo.memory.write.MemoryJobs;
import dev.mnemo.memory.write.MemoryWriter;
import dev.mnemo.system.StorableText;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class MemoryService implements MemoryRecall, MemoryIntake, MemoryControl {
    /** How long a /forget waits for its confirmation. */
    static final Duration FORGET_CONFIRMATION = Duration.ofMinutes(10);
    /** A search (or a /forget) matches a memory by keyword, or by a vector at least this close. */
    static final double SEARCH_SIMILARITY = 0.6;
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "my", "about", "that",
            "this", "with", "for", "from", "was", "are", "his", "her", "their", "our", "you", "your");
    private static final Pattern ID_PREFIX = Pattern.compile("[0-9a-f]{8}(-[0-9a-f-]{0,28})?");

    private final MemoryStore store;
    private final Retriever retriever;
    private final MemoryWriter writer;
    private final MemoryJobs jobs;
    private final MemoryJobWorker worker;
    private final ImportanceJudge judge;
    private final Embedder embedder;
    private final IndexRegistry indexes;
    private final Activity activity;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Executor access;

    MemoryService(MemoryStore store, Retriever retriever, MemoryWriter writer, MemoryJobs jobs, MemoryJobWorker worker,
                  ImportanceJudge judge, Embedder embedder, IndexRegistry indexes, Activity activity,
                  TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
                  MemoryProperties properties) {
        this.store = store;
        this.retriever = retriever;
        this.writer = writer;
        this.jobs = jobs;
        this.worker = worker;
        this.judge = judge;
        this.embedder = embedder;
        this.indexes = indexes;
        this.activity = activity;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        // Tests turn background work off and then expect it done when the call returns.
        this.access = properties.backgroundJobs() ? task -> Thread.ofVirtual().name("memory-access").start(task) : Runnable::run;
    }

    // ---- recall

    /** Reading never waits for a write: the access is recorded right after, off the caller's thread. */
    @Override
    public List<RecalledMemory> recall(String userId, String query, int limit) {
        List<Retriever.Ranked> ranked = retriever.retrieve(userId, query, limit, Retriever.Mode.FULL);
        List<StoredMemory> used = ranked.stream().map(Retriever.Ranked::memory).toList();
        long now = clock.millis();
        access.execute(() -> transactions.executeWithoutResult(status -> {
            store.recordAccess(used, now);
            activity.touch(userId);
        }));
        List<Memory> memories = store.toMemories(used);
        List<RecalledMemory> recalled = new ArrayList<>(memories.size());
        for (int i = 0; i < memories.size(); i++) {
            recalled.add(new RecalledMemory(memories.get(i), ranked.get(i).score()));
        }
        return recalled;
    }

    /** Only real matches: a person searching for "dentist" wants nothing rather than the five least unrelated. */
    @Override
    public List<Memory> search(String userId, String query, int limit) {
        return store.toMemories(retriever.matching(userId, query, limit, SEARCH_SIMILARITY));
    }

    @Override
    public List<Memory> list(String userId, int limit) {
        return store.toMemories(store.recent(userId, limit));
    }

    // ---- intake

    @Override
    public void enqueue(String userId, String messageId, String userText, String replyText) {
        jobs.enqueue(userId, messageId, userText, replyText);
        activity.touch(userId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.kick();
                }
            });
        } else {
            worker.kick();
        }
    }

    @Override
    public WriteOutcome remember(String userId, String text, String sourceMessageId) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("nothing to remember");
        }
        Candidate candidate = CandidateExtractor.explicit(StorableText.of(text));
        Candidate judged = judge.judge(userId, sourceMessageId, List.of(candidate), true).getFirst();
        activity.touch(userId);
        return writer.write(userId, judged, sourceMessageId == null ? List.of() : List.of(sourceMessageId), null);
    }

    // ---- control

    @Override
    public Optional<Memory> get(String userId, String memoryId) {
        return store.find(userId, memoryId).filter(m -> MemoryStore.ACTIVE.equals(m.status())).map(store::toMemory);
    }

    @Override
    public Optional<Memory> edit(String userId, String memoryId, String text, MemoryKind kind, Integer importance,
                                 List<String> tags) {
        return writer.locked(userId, () -> {
            Optional<StoredMemory> found = store.find(userId, memoryId).filter(m -> MemoryStore.ACTIVE.equals(m.status()));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            StoredMemory old = found.get();
            long now = clock.millis();
            String newText = text == null || text.isBlank() ? old.text() : StorableText.of(text.strip());
            StoredMemory edited = old.withContent(newText, kind == null ? old.kind() : kind,
                    importance == null ? old.importance() : Math.max(1, Math.min(10, importance)),
                    tags == null ? old.tags()
                            : new Candidate(newText, old.kind(), 1, tags.stream().map(StorableText::of).toList(), false).tags(),
                    now);
            if (edited.text().equals(old.text()) && edited.kind() == old.kind() && edited.importance() == old.importance()
                    && edited.tags().equals(old.tags())) {
                return Optional.of(store.toMemory(old)); // nothing changes: no new version in the history
            }
            boolean reworded = !newText.equals(old.text());
            float[] vector = reworded ? embedder.embed(newText) : null;
            long generation = transactions.execute(status -> {
                store.addVersion(old, "EDITED", now);
                store.updateContent(edited);
                if (reworded) {
                    store.replaceVectors(old.id(), embedder.modelId(), vector);
                }
                return store.bumpGeneration(userId);
            });
            indexes.applied(userId, generation, Map.of(old.id(), newText),
                    reworded ? Map.of(old.id(), vector) : Map.of(), List.of());
            return Optional.of(store.toMemory(store.find(userId, memoryId).orElseThrow()));
        });
    }

    @Override
    public boolean delete(String userId, String memoryId) {
        return forgetAll(userId, List.of(memoryId)) == 1;
    }

    @Override
    public Optional<String> ownerOf(String memoryId) {
        return store.ownerOf(memoryId);
    }

    @Override
    public boolean restore(String userId, String memoryId) {
        return writer.locked(userId, () -> {
            Optional<StoredMemory> pruned = store.find(userId, memoryId).filter(m -> MemoryStore.PRUNED.equals(m.status()));
            if (pruned.isEmpty()) {
                return false;
            }
            long now = clock.millis();
            transactions.executeWithoutResult(status -> {
                store.setStatus(memoryId, MemoryStore.ACTIVE, now);
                store.reinforce(pruned.get(), now);
                store.bumpGeneration(userId);
            });
            indexes.invalidate(userId);
            return true;
        });
    }

    @Override
    public Optional<List<MemoryVersion>> history(String userId, String memoryId) {
        return store.find(userId, memoryId).map(m -> store.history(m.id()));
    }

    @Override
    public List<Memory> requestForget(String userId, String query) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        List<StoredMemory> matches = new ArrayList<>();
        if (ID_PREFIX.matcher(q).matches()) {
            store.findAll(userId, store.idsStartingWith(userId, q)).forEach(matches::add);
        }
        if (matches.isEmpty()) {
            matches.addAll(retriever.matching(userId, query, 10, SEARCH_SIMILARITY));
            // Pruned memories are out of the search index but still exist (restorable): forget reaches them too.
            List<String> words = Arrays.stream(q.split("[^\\p{L}\\p{N}']+"))
                    .filter(w -> w.length() >= 3 && !STOP_WORDS.contains(w)).toList();
            if (!words.isEmpty()) {
                matches.addAll(store.prunedContaining(userId, words));
            }
        }
        store.saveForgetRequest(userId, matches.stream().map(StoredMemory::id).toList(),
                clock.millis() + FORGET_CONFIRMATION.toMillis());
        return matches.stream().map(store::toMemory).toList();
    }

    @Override
    public int confirmForget(String userId) {
        List<String> ids = store.takeForgetRequest(userId, clock.millis());
        return ids.isEmpty() ? 0 : forgetAll(userId, ids);
    }

    /** Deletes for good, everywhere: rows, vectors, history, caches, indexes, queued work and source texts. */
    private int forgetAll(String userId, List<String> ids) {
        return writer.locked(userId, () -> {
            List<StoredMemory> doomed = new ArrayList<>();
            ids.forEach(id -> store.find(userId, id).ifPresent(doomed::add));
            if (doomed.isEmpty()) {
                return 0;
            }
            List<String> sources = new ArrayList<>();
            doomed.forEach(m -> sources.addAll(store.sources(m.id())));
            List<String> doomedIds = doomed.stream().map(StoredMemory::id).toList();
            List<String> texts = doomed.stream().map(StoredMemory::text).toList();
            // One transaction: the memories go, and the messages they came from are redacted (by the
            // conversation, listening synchronously), or nothing happens at all.
            long generation = transactions.execute(status -> {
                doomed.forEach(m -> store.delete(m.id()));
                jobs.forgetMessages(sources);
                events.publishEvent(new MemoriesForgotten(userId, doomedIds, List.copyOf(sources), texts));
                return store.bumpGeneration(userId);
            });
            doomed.forEach(m -> embedder.evict(m.text()));
            indexes.applied(userId, generation, Map.of(), Map.of(), doomedIds);
            return doomed.size();
        });
    }
}
