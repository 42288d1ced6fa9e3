package dev.mnemo.memory.write;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mnemo.memory.WriteOutcome;
import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.index.IndexRegistry;
import dev.mnemo.memory.index.UserIndex;
import dev.mnemo.memory.store.MemoryStore;
import dev.mnemo.memory.store.StoredMemory;
import dev.mnemo.privacy.Privacy;
import dev.mnemo.system.Ids;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a judged candidate as the {@link Reconciler} decides: adds it, merges it into the memory it repeats
 * (union of provenance, the richer wording, reinforced), or corrects the memory it updates (the old version
 * kept with its validity times). One user's writes are serialised in this instance; each commits in one
 * transaction that also bumps the user's generation, so every instance's index notices.
 */
@Component
public class MemoryWriter {
    private final MemoryStore store;
    private final Privacy privacy;
    private final Embedder embedder;
    private final IndexRegistry indexes;
    private final Reconciler reconciler;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Clock clock;
    /** Weakly held: a lock disappears once no writer holds or waits for it. */
    private final Cache<String, ReentrantLock> locks =
            Caffeine.newBuilder().weakValues().build();

    public MemoryWriter(MemoryStore store, Embedder embedder, IndexRegistry indexes, Reconciler reconciler,
                        TransactionTemplate transactions, MeterRegistry meters, Clock clock,
                        Privacy privacy) {
        this.privacy = privacy;
        this.store = store;
        this.embedder = embedder;
        this.indexes = indexes;
        this.reconciler = reconciler;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
    }

    /** Runs {@code work} holding the user's write lock (for other writers of memory, like consolidation). */
    public <T> T locked(String userId, Supplier<T> work) {
        ReentrantLock lock = locks.get(userId, u -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Memories holding personal or secret data carry this tag (ASSISTANT_PII_MODE flag or redact). */
    public static final String SENSITIVE = "sensitive";

    public WriteOutcome write(String userId, Candidate given, List<String> sources, Long occurredAt) {
        Candidate candidate = privacy.sensitive(given.text()) && !given.tags().contains(SENSITIVE)
                ? new Candidate(given.text(), given.kind(), given.importance(),
                        Stream.concat(given.tags().stream(), Stream.of(SENSITIVE)).toList(),
                        given.correction())
                : given;
        return locked(userId, () -> {
            float[] vector = embedder.embed(candidate.text());
            UserIndex index = indexes.get(userId);
            Reconciler.Decision decision = reconciler.decide(userId, candidate, vector, index);
            long now = clock.millis();
            WriteOutcome outcome = switch (decision.action()) {
                case NEW -> add(userId, candidate, vector, sources, occurredAt, now);
                case SAME -> merge(userId, decision, candidate, sources, now);
                case UPDATE -> correct(userId, decision, candidate, sources, now);
            };
            meters.counter("mnemo.memory.writes", "action", outcome.action().name()).increment();
            return outcome;
        });
    }

    private WriteOutcome add(String userId, Candidate c, float[] vector, List<String> sources, Long occurredAt, long now) {
        StoredMemory memory = new StoredMemory(Ids.newId(clock), userId, c.text(), c.kind(), c.importance(), c.tags(),
                now, now, null, 0, 1.0, now, occurredAt, MemoryStore.ACTIVE);
        long generation = transactions.execute(status -> {
            store.insert(memory, sources);
            store.putVector(memory.id(), embedder.modelId(), vector);
            return store.bumpGeneration(userId);
        });
        indexes.applied(userId, generation, Map.of(memory.id(), memory.text()), Map.of(memory.id(), vector), List.of());
        return new WriteOutcome(WriteOutcome.Action.ADDED, store.toMemory(memory));
    }

    private WriteOutcome merge(String userId, Reconciler.Decision d, Candidate c, List<String> sources, long now) {
        StoredMemory old = fresh(userId, d.target());
        boolean reworded = !d.text().equals(old.text());
        StoredMemory merged = old.withContent(d.text(), reworded ? c.kind() : old.kind(),
                Math.max(old.importance(), c.importance()), union(old.tags(), c.tags()), reworded ? now : old.updatedAt());
        float[] vector = reworded ? embedder.embed(merged.text()) : null;
        Long generation = transactions.execute(status -> {
            if (reworded) {
                store.addVersion(old, "MERGED", now);
                store.replaceVectors(old.id(), embedder.modelId(), vector);
            }
            store.updateContent(merged);
            store.addSources(old.id(), sources);
            store.reinforce(old, now);
            return reworded ? store.bumpGeneration(userId) : null;
        });
        if (generation != null) {
            indexes.applied(userId, generation, Map.of(old.id(), merged.text()), Map.of(old.id(), vector), List.of());
        }
        return new WriteOutcome(WriteOutcome.Action.MERGED, store.toMemory(store.find(userId, old.id()).orElseThrow()));
    }

    private WriteOutcome correct(String userId, Reconciler.Decision d, Candidate c, List<String> sources, long now) {
        StoredMemory old = fresh(userId, d.target());
        StoredMemory corrected = old.withContent(d.text(), c.kind(), Math.max(old.importance(), c.importance()),
                union(old.tags(), c.tags()), now);
        float[] vector = embedder.embed(corrected.text());
        long generation = transactions.execute(status -> {
            store.addVersion(old, "CORRECTED", now);
            store.updateContent(corrected);
            store.replaceVectors(old.id(), embedder.modelId(), vector);
            store.addSources(old.id(), sources);
            store.reinforce(old, now);
            return store.bumpGeneration(userId);
        });
        indexes.applied(userId, generation, Map.of(old.id(), corrected.text()), Map.of(old.id(), vector), List.of());
        return new WriteOutcome(WriteOutcome.Action.CORRECTED, store.toMemory(store.find(userId, old.id()).orElseThrow()));
    }

    /** The row as the database has it now: the reconciler may have seen a cached copy. */
    private StoredMemory fresh(String userId, StoredMemory target) {
        return store.find(userId, target.id()).orElse(target);
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }

    /** How many memories have this status, over all users (a metric). */
    public long count(String status) {
        return store.count(status);
    }
}
