package dev.mnemo.memory.read;

import dev.mnemo.memory.MemoryProperties;
import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.index.IndexRegistry;
import dev.mnemo.memory.index.ScoredId;
import dev.mnemo.memory.index.UserIndex;
import dev.mnemo.memory.store.Memories;
import dev.mnemo.memory.store.StoredMemory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The two-stage read path: embed the query → top candidates by exact cosine plus top candidates by BM25 →
 * fused by reciprocal rank → re-ranked by {@link Ranker} → the best few.
 */
@Component
public class Retriever {
    /** Which stages run: the benchmark compares them; the product always uses {@link #FULL}. */
    public enum Mode { COSINE, HYBRID, FULL }

    private final IndexRegistry indexes;
    private final Embedder embedder;
    private final Memories store;
    private final Clock clock;
    private final int candidates;

    public Retriever(IndexRegistry indexes, Embedder embedder, Memories store, Clock clock,
                     MemoryProperties properties) {
        this.indexes = indexes;
        this.embedder = embedder;
        this.store = store;
        this.clock = clock;
        this.candidates = properties.candidates();
    }

    /** The user's best memories for the query, best first. Only this user's index is ever searched. */
    public List<Ranked> retrieve(String userId, String query, int limit, Mode mode) {
        UserIndex index = indexes.get(userId);
        List<ScoredId> byVector = index.vectorCount() == 0 ? List.of()
                : index.nearest(embedder.embedQuery(query), mode == Mode.COSINE ? limit : candidates);
        if (mode == Mode.COSINE) {
            List<StoredMemory> rows = store.findAll(userId, byVector.stream().map(ScoredId::id).toList());
            Map<String, StoredMemory> byId = byIdOf(rows);
            return byVector.stream().filter(s -> byId.containsKey(s.id()))
                    .map(s -> new Ranked(byId.get(s.id()), s.score())).toList();
        }
        Map<String, Double> fused = fuse(byVector, index.keyword(query, candidates));
        Map<String, StoredMemory> rows = byIdOf(store.findAll(userId, fused.keySet()));
        double max = fused.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double min = fused.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        long now = clock.millis();
        List<Ranked> ranked = new ArrayList<>();
        for (Map.Entry<String, Double> candidate : fused.entrySet()) {
            StoredMemory memory = rows.get(candidate.getKey());
            if (memory == null) {
                continue;
            }
            double relevance = max > min ? (candidate.getValue() - min) / (max - min) : 1;
            double score = mode == Mode.HYBRID ? candidate.getValue()
                    : Ranker.score(relevance, memory.importance(), store.currentStrength(memory, now));
            ranked.add(new Ranked(memory, score));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparing(r -> r.memory().id()));
        return ranked.size() > limit ? ranked.subList(0, limit) : ranked;
    }

    /**
     * Memories that really match the query — a keyword hit, or a vector at least {@code minSimilarity}
     * close — best first: what a person means by "forget my sister".
     */
    public List<StoredMemory> matching(String userId, String query, int limit, double minSimilarity) {
        UserIndex index = indexes.get(userId);
        List<ScoredId> byVector = index.vectorCount() == 0 ? List.of()
                : index.nearest(embedder.embedQuery(query), candidates).stream()
                        .filter(s -> s.score() >= minSimilarity).toList();
        Map<String, Double> fused = fuse(byVector, index.keyword(query, candidates));
        Map<String, StoredMemory> rows = byIdOf(store.findAll(userId, fused.keySet()));
        return fused.entrySet().stream()
                .filter(e -> rows.containsKey(e.getKey()))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(e -> rows.get(e.getKey()))
                .toList();
    }

    /** Reciprocal-rank fusion of the two rankings: each id scores the sum of 1 / (k + rank) over the lists. */
    private static Map<String, Double> fuse(List<ScoredId> byVector, List<ScoredId> byKeyword) {
        Map<String, Double> fused = new HashMap<>();
        for (List<ScoredId> ranking : List.of(byVector, byKeyword)) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                fused.merge(ranking.get(rank).id(), Ranker.rrf(rank), Double::sum);
            }
        }
        return fused;
    }

    private static Map<String, StoredMemory> byIdOf(List<StoredMemory> rows) {
        Map<String, StoredMemory> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        return byId;
    }

    /** A candidate with its final score. */
    public record Ranked(StoredMemory memory, double score) {
    }
}
