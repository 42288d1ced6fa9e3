package dev.mnemo.memory.sleep;

import dev.mnemo.llm.ChatTurn;
import dev.mnemo.llm.LanguageModels;
import dev.mnemo.llm.ModelRequest;
import dev.mnemo.llm.ModelTier;
import dev.mnemo.llm.ModelUnavailableException;
import dev.mnemo.llm.Prompts;
import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.MemoryProperties;
import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.embedding.Thresholds;
import dev.mnemo.memory.index.IndexRegistry;
import dev.mnemo.memory.index.ScoredId;
import dev.mnemo.memory.index.UserIndex;
import dev.mnemo.memory.store.MemoryStore;
import dev.mnemo.memory.store.StoredMemory;
import dev.mnemo.memory.write.MemoryJobs;
import dev.mnemo.memory.write.MemoryWriter;
import dev.mnemo.memory.write.ModelJson;
import dev.mnemo.memory.write.Slots;
import dev.mnemo.system.Ids;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sleep: what a memory does while the person is away. For one user, in order: store the decayed strengths;
 * merge near-duplicates (cosine ≥ merge threshold, no conflicting slot, not episodes); with a model, fold clusters of three
 * or more related episodic memories older than {@code summarise-after} into one general memory (the
 * originals become its history); prune what is both weak and unimportant (restorable); purge what was
 * pruned longer ago than {@code purge-after}. Each run is logged, counted in metrics and recorded in
 * {@code memory_sleep_runs}.
 */
@Component
public class Consolidator {
    private static final Logger log = LoggerFactory.getLogger(Consolidator.class);
    private static final double CLUSTER_SIMILARITY = 0.75;
    private static final int MIN_CLUSTER = 3;
    private static final int DECAY_BATCH = 200;
    /** Failed extraction jobs quote messages; after this they are dropped. */
    private static final Duration FAILED_JOBS_KEPT = Duration.ofDays(30);

    private final MemoryStore store;
    private final IndexRegistry indexes;
    private final Embedder embedder;
    private final MemoryWriter writer;
    private final LanguageModels models;
    private final Prompts prompts;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final Clock clock;
    private final MemoryProperties properties;
    private final Thresholds thresholds;
    private final MemoryJobs jobs;

    public Consolidator(MemoryStore store, IndexRegistry indexes, Embedder embedder, MemoryWriter writer,
                        LanguageModels models, Prompts prompts, TransactionTemplate transactions, JdbcClient jdbc,
                        MeterRegistry meters, Clock clock, MemoryProperties properties, Thresholds thresholds,
                        MemoryJobs jobs) {
        this.store = store;
        this.indexes = indexes;
        this.embedder = embedder;
        this.writer = writer;
        this.models = models;
        this.prompts = prompts;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.meters = meters;
        this.clock = clock;
        this.properties = properties;
        this.thresholds = thresholds;
        this.jobs = jobs;
    }

    public SleepReport consolidate(String userId, String trigger) {
        long started = clock.millis();
        SleepReport report = writer.locked(userId, () -> {
            int decayed = decay(userId);
            int merged = mergeDuplicates(userId);
            int summarised = summarise(userId);
            int pruned = prune(userId);
            int purged = purge(userId);
            return new SleepReport(userId, trigger, decayed, merged, summarised, pruned, purged);
        });
        jdbc.sql("""
                INSERT INTO memory_sleep_runs (id, user_id, trigger, started_at, finished_at, decayed, merged, summarised, pruned, purged)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Ids.newId(clock), userId, trigger, started, clock.millis(), report.decayed(), report.merged(),
                        report.summarised(), report.pruned(), report.purged())
                .update();
        log.info("Memory sleep ({}) for user {}: {} decayed, {} merged, {} summarised, {} pruned, {} purged", trigger,
                userId, report.decayed(), report.merged(), report.summarised(), report.pruned(), report.purged());
        meters.counter("mnemo.memory.sleep.runs", "trigger", trigger).increment();
        meters.counter("mnemo.memory.sleep.merged").increment(report.merged());
        meters.counter("mnemo.memory.sleep.summarised").increment(report.summarised());
        meters.counter("mnemo.memory.sleep.pruned").increment(report.pruned());
        meters.counter("mnemo.memory.sleep.purged").increment(report.purged());
        return report;
    }

    /** In short transactions, so replies being stored meanwhile never wait long for the database. */
    private int decay(String userId) {
        long now = clock.millis();
        List<StoredMemory> active = store.active(userId);
        int changed = 0;
        for (int from = 0; from < active.size(); from += DECAY_BATCH) {
            List<StoredMemory> batch = active.subList(from, Math.min(active.size(), from + DECAY_BATCH));
            changed += transactions.execute(status -> {
                int n = 0;
                for (StoredMemory m : batch) {
                    double current = store.currentStrength(m, now);
                    if (m.strength() - current > 1e-4) {
                        store.persistStrength(m, current, now);
                        n++;
                    }
                }
                return n;
            });
        }
        return changed;
    }

    private int mergeDuplicates(String userId) {
        UserIndex index = indexes.get(userId);
        Map<String, StoredMemory> active = byId(store.active(userId));
        Set<String> gone = new HashSet<>();
        int merged = 0;
        for (String id : active.keySet().stream().sorted().toList()) {
            float[] vector = index.vector(id);
            if (vector == null || gone.contains(id)) {
                continue;
            }
            for (ScoredId near : index.nearest(vector, 5)) {
                // Re-read both: an earlier merge of this run may have changed either.
                StoredMemory m = active.get(id);
                StoredMemory other = active.get(near.id());
                if (other == null || other.id().equals(id) || gone.contains(other.id())
                        || near.score() < thresholds.merge() || conflicting(m, other) || episodes(m, other)) {
                    continue;
                }
                StoredMemory keep = other.importance() > m.importance() ? other : m;
                StoredMemory drop = keep == m ? other : m;
                fold(userId, keep, List.of(drop), richer(keep.text(), drop.text()), keep.kind(), "MERGED");
                gone.add(drop.id());
                active.remove(drop.id());
                store.find(userId, keep.id()).ifPresent(fresh -> active.put(fresh.id(), fresh));
                merged++;
                if (drop == m) {
                    break;
                }
            }
        }
        return merged;
    }

    private int summarise(String userId) {
        if (!models.configured()) {
            return 0;
        }
        long cutoff = clock.millis() - properties.summariseAfter().toMillis();
        UserIndex index = indexes.get(userId);
        Map<String, StoredMemory> episodes = new HashMap<>();
        store.active(userId).stream().filter(m -> m.kind() == MemoryKind.EVENT && m.createdAt() < cutoff)
                .forEach(m -> episodes.put(m.id(), m));
        Set<String> used = new HashSet<>();
        int summarised = 0;
        for (StoredMemory seed : episodes.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList()) {
            float[] vector = index.vector(seed.id());
            if (vector == null || used.contains(seed.id())) {
                continue;
            }
            List<StoredMemory> cluster = new ArrayList<>(List.of(seed));
            for (ScoredId near : index.nearest(vector, 20)) {
                StoredMemory m = episodes.get(near.id());
                if (m != null && m != seed && !used.contains(m.id()) && near.score() >= CLUSTER_SIMILARITY) {
                    cluster.add(m);
                }
            }
            if (cluster.size() < MIN_CLUSTER) {
                continue;
            }
            String summary;
            try {
                summary = summaryOf(userId, cluster);
            } catch (ModelUnavailableException e) {
                log.warn("Memory sleep for user {}: no summary this time ({})", userId, e.getMessage());
                return summarised;
            }
            if (summary == null) {
                continue;
            }
            StoredMemory first = cluster.getFirst();
            fold(userId, first, cluster.subList(1, cluster.size()), summary, MemoryKind.FACT, "SUMMARISED");
            cluster.forEach(m -> used.add(m.id()));
            summarised += cluster.size();
        }
        return summarised;
    }

    private String summaryOf(String userId, List<StoredMemory> cluster) {
        StringBuilder list = new StringBuilder();
        cluster.forEach(m -> list.append("- ").append(m.text()).append('\n'));
        String answer = models.chat(new ModelRequest(userId, null, "MEMORY_SUMMARISE", ModelTier.JUDGE,
                prompts.render("memory-summarise", Map.of()), List.of(ChatTurn.user(list.toString())))).text();
        String text = ModelJson.parse(answer).map(json -> json.path("text").asString("").strip()).orElse("");
        return text.isEmpty() ? null : text;
    }

    /** Makes {@code keep} the one memory for itself and {@code others}: their text and history become its history. */
    private void fold(String userId, StoredMemory keep, List<StoredMemory> others, String text, MemoryKind kind,
                      String reason) {
        long now = clock.millis();
        int importance = Math.max(keep.importance(), others.stream().mapToInt(StoredMemory::importance).max().orElse(1));
        Set<String> tags = new LinkedHashSet<>(keep.tags());
        others.forEach(o -> tags.addAll(o.tags()));
        StoredMemory folded = keep.withContent(text, kind, importance, new ArrayList<>(tags), now);
        float[] vector = text.equals(keep.text()) ? null : embedder.embed(text);
        transactions.executeWithoutResult(status -> {
            if (vector != null || reason.equals("SUMMARISED")) {
                store.addVersion(keep, reason, now);
            }
            for (StoredMemory other : others) {
                store.addVersion(other, reason, now);
                store.moveHistory(other.id(), keep.id());
                store.delete(other.id());
            }
            store.updateContent(folded);
            if (vector != null) {
                store.replaceVectors(keep.id(), embedder.modelId(), vector);
            }
            store.reinforce(keep, now);
            store.bumpGeneration(userId);
        });
        indexes.invalidate(userId);
    }

    private int prune(String userId) {
        long now = clock.millis();
        int pruned = 0;
        for (StoredMemory m : store.active(userId)) {
            if (m.importance() <= properties.pruneMaxImportance() && store.currentStrength(m, now) < properties.pruneBelow()) {
                store.setStatus(m.id(), MemoryStore.PRUNED, now);
                pruned++;
            }
        }
        if (pruned > 0) {
            store.bumpGeneration(userId);
            indexes.invalidate(userId);
        }
        return pruned;
    }

    private int purge(String userId) {
        List<String> expired = store.prunedBefore(userId, clock.millis() - properties.purgeAfter().toMillis());
        transactions.executeWithoutResult(status -> expired.forEach(store::delete));
        jobs.purgeFailed(FAILED_JOBS_KEPT);
        return expired.size();
    }

    /** Episodes are summarised, not merged: two runs on different days are two runs. */
    private static boolean episodes(StoredMemory a, StoredMemory b) {
        return a.kind() == MemoryKind.EVENT || b.kind() == MemoryKind.EVENT;
    }

    private static boolean conflicting(StoredMemory a, StoredMemory b) {
        return Slots.conflict(a.text(), b.text());
    }

    private static String richer(String a, String b) {
        return Slots.richer(a, b);
    }

    private static Map<String, StoredMemory> byId(List<StoredMemory> rows) {
        Map<String, StoredMemory> map = new HashMap<>();
        rows.forEach(r -> map.put(r.id(), r));
        return map;
    }
}
