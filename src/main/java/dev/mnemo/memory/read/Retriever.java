package dev.mnemo.memory.read;

import dev.mnemo.memory.MemoryProperties;
import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.index.IndexRegistry;
import dev.mnemo.memory.index.ScoredId;
import dev.mnemo.memory.index.UserIndex;
import dev.mnemo.memory.store.Memories;
import dev.mnemo.memory.store.StoredMemory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.ToDoubleBiFunction;
import org.springframework.stereotype.Component;

/**
 * The read path: embed the query → the deepest candidates by exact cosine plus by BM25 → fused → re-ranked by
 * {@link Ranker} → the best few. Which steps run is a {@link Steps} value, so the benchmark can measure each one;
 * the product runs {@link Steps#product}.
 */
@Component
public class Retriever {
    /** How candidates from the two searches are combined. */
    public enum Fusion {
        /** Cosine ranking alone: no keywords. */
        COSINE_ONLY,
        /** The sum of 1 / (k + rank) over both rankings (Cormack et al., 2009). */
        RECIPROCAL_RANK,
        /** A weighted sum of the two scores, each normalised over the candidates (see {@link Ranker#fused}). */
        WEIGHTED
    }

    /**
     * The steps of one retrieval.
     *
     * @param pool   candidates taken from each of the vector and keyword searches
     * @param fusion how they are combined
     * @param cosineWeight the cosine's share in a {@link Fusion#WEIGHTED} fusion
     * @param context whether keywords are also looked for in the messages memories came from
     * @param rerank whether importance and strength re-rank the fused relevance
     * @param windowBoost added to the relevance of a memory said in the time the query names ({@link QueryWindow})
     */
    public record Steps(int pool, Fusion fusion, double cosineWeight, boolean context, boolean rerank, double windowBoost) {
        public static Steps product(int pool) {
            return new Steps(pool, Fusion.WEIGHTED, Ranker.W_COSINE, true, true, Ranker.W_WINDOW);
        }
    }

    /** A virtual thread per search: nothing to size or shut down. */
    private static final Executor ALONGSIDE = Executors.newVirtualThreadPerTaskExecutor();
    private final IndexRegistry indexes;
    private final Embedder embedder;
    private final Memories store;
    private final Clock clock;
    private final Steps product;

    public Retriever(IndexRegistry indexes, Embedder embedder, Memories store, Clock clock,
                     MemoryProperties properties) {
        this.indexes = indexes;
        this.embedder = embedder;
        this.store = store;
        this.clock = clock;
        this.product = Steps.product(properties.candidates());
    }

    /**
     * The user's best memories for the query, best first; times in it ("last weekend") are read in {@code zone}.
     * Only this user's index is ever searched.
     */
    public List<Ranked> retrieve(String userId, String query, ZoneId zone, int limit) {
        return retrieve(userId, query, zone, limit, product, 0);
    }

    /**
     * As {@link #retrieve(String, String, ZoneId, int)}, with only memories whose cosine with the query reaches
     * {@code minSimilarity} taking part, so those below it leave their places to the next ones rather than empty.
     */
    public List<Ranked> retrieve(String userId, String query, ZoneId zone, int limit, double minSimilarity) {
        return retrieve(userId, query, zone, limit, product, minSimilarity);
    }

    /** {@link #retrieve(String, String, ZoneId, int)} with the given steps, for measuring them. */
    public List<Ranked> retrieve(String userId, String query, ZoneId zone, int limit, Steps steps) {
        return retrieve(userId, query, zone, limit, steps, 0);
    }

    private List<Ranked> retrieve(String userId, String query, ZoneId zone, int limit, Steps steps, double minSimilarity) {
        UserIndex index = indexes.get(userId);
        long now = clock.millis();
        Optional<QueryWindow> window = steps.windowBoost() > 0
                ? QueryWindow.in(query, Instant.ofEpochMilli(now).atZone(zone)) : Optional.empty();
        int pool = Math.max(limit, steps.pool());
        // BM25 needs no vector: it runs on another core while the query is embedded (the longest step).
        CompletableFuture<List<ScoredId>> keywords = steps.fusion() == Fusion.COSINE_ONLY
                ? CompletableFuture.completedFuture(List.of())
                : CompletableFuture.supplyAsync(() -> index.keyword(query, pool, steps.context()), ALONGSIDE);
        float[] q = index.vectorCount() == 0 ? null : embedder.embedQuery(query);
        List<ScoredId> byVector = q == null ? List.of() : index.nearest(q, pool);
        List<ScoredId> byKeyword = joined(keywords);
        Map<String, Double> similarity = similarities(index, q, byVector, byKeyword);
        Map<String, Double> relevance = normalised(fuse(similarity, byVector, byKeyword, steps));
        if (minSimilarity > 0) {
            relevance.keySet().removeIf(id -> similarity.getOrDefault(id, 0.0) < minSimilarity);
        }
        double bonus = (steps.rerank() ? Ranker.MAX_RERANK_BONUS : 0) + (window.isPresent() ? steps.windowBoost() : 0);
        Map<String, Double> contenders = contenders(relevance, limit, bonus);
        Map<String, StoredMemory> rows = byIdOf(store.findAll(userId, contenders.keySet()));
        if (rows.size() < contenders.size()) {
            // A contender went missing (deleted since the index was read): the rest may fill its place.
            contenders = relevance;
            rows = byIdOf(store.findAll(userId, relevance.keySet()));
        }
        Map<String, StoredMemory> found = rows;
        List<Ranked> ranked = new ArrayList<>();
        contenders.forEach((id, fused) -> {
            StoredMemory memory = found.get(id);
            if (memory != null) {
                double score = fused + (window.isPresent() && window.get().heard(memory.updatedAt()) ? steps.windowBoost() : 0);
                ranked.add(new Ranked(memory, steps.rerank()
                        ? Ranker.score(score, memory.importance(), store.currentStrength(memory, now)) : score,
                        similarity.getOrDefault(id, 0.0)));
            }
        });
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparing(r -> r.memory().id()));
        return ranked.size() > limit ? ranked.subList(0, limit) : ranked;
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case RuntimeException cause -> throw cause;
                case Error cause -> throw cause;
                default -> throw e;
            }
        }
    }

    /**
     * The cosine of two of the user's memories, 0 when either has no vector of the current model — from one look
     * at the user's index, however many pairs are compared.
     */
    public ToDoubleBiFunction<StoredMemory, StoredMemory> similarities(String userId) {
        UserIndex index = indexes.get(userId);
        return (a, b) -> {
            float[] vector = index.vector(a.id());
            double similarity = vector == null ? Double.NaN : index.similarity(vector, b.id());
            return Double.isNaN(similarity) ? 0 : similarity;
        };
    }

    /**
     * Memories that really match the query — a keyword hit, or a vector at least {@code minSimilarity}
     * close — best first: what a person means by "forget my sister".
     */
    public List<StoredMemory> matching(String userId, String query, int limit, double minSimilarity) {
        UserIndex index = indexes.get(userId);
        float[] q = index.vectorCount() == 0 ? null : embedder.embedQuery(query);
        List<ScoredId> byVector = q == null ? List.of() : index.nearest(q, product.pool()).stream()
                .filter(s -> s.score() >= minSimilarity).toList();
        List<ScoredId> byKeyword = index.keyword(query, product.pool(), false);
        Map<String, Double> fused = fuse(similarities(index, q, byVector, byKeyword), byVector, byKeyword, product);
        Map<String, StoredMemory> rows = byIdOf(store.findAll(userId, fused.keySet()));
        return fused.entrySet().stream()
                .filter(e -> rows.containsKey(e.getKey()))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(e -> rows.get(e.getKey()))
                .toList();
    }

    /**
     * The candidates that can still make the top {@code limit} once re-ranked: the rest are more than the largest
     * possible bonus below the {@code limit}-th best relevance. Only their rows are read.
     */
    private static Map<String, Double> contenders(Map<String, Double> relevance, int limit, double bonus) {
        if (relevance.size() <= limit) {
            return relevance;
        }
        double kth = relevance.values().stream().sorted(Comparator.reverseOrder()).skip(limit - 1).findFirst().orElseThrow();
        Map<String, Double> contenders = new LinkedHashMap<>();
        relevance.forEach((id, r) -> {
            if (r >= kth - bonus) {
                contenders.put(id, r);
            }
        });
        return contenders;
    }

    /** The cosine of every candidate with the query: a keyword-only one still has a vector, so it is computed. */
    private static Map<String, Double> similarities(UserIndex index, float[] query, List<ScoredId> byVector,
                                                    List<ScoredId> byKeyword) {
        Map<String, Double> cosine = new HashMap<>();
        byVector.forEach(s -> cosine.put(s.id(), s.score()));
        for (ScoredId s : byKeyword) {
            cosine.computeIfAbsent(s.id(), id -> {
                double similarity = query == null ? Double.NaN : index.similarity(query, id);
                return Double.isNaN(similarity) ? 0.0 : similarity;
            });
        }
        return cosine;
    }

    private static Map<String, Double> fuse(Map<String, Double> similarity, List<ScoredId> byVector,
                                            List<ScoredId> byKeyword, Steps steps) {
        Map<String, Double> fused = new LinkedHashMap<>();
        if (steps.fusion() == Fusion.WEIGHTED) {
            double topKeyword = byKeyword.isEmpty() ? 1 : byKeyword.getFirst().score();
            Map<String, Double> keyword = new HashMap<>();
            byKeyword.forEach(s -> keyword.put(s.id(), topKeyword > 0 ? s.score() / topKeyword : 0));
            normalised(similarity).forEach((id, c) ->
                    fused.put(id, Ranker.fused(c, keyword.getOrDefault(id, 0.0), steps.cosineWeight())));
            return fused;
        }
        for (List<ScoredId> ranking : List.of(byVector, byKeyword)) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                fused.merge(ranking.get(rank).id(), Ranker.rrf(rank), Double::sum);
            }
        }
        return fused;
    }

    /** Min-max over the candidates; a single candidate (or all equal) is 1. */
    private static Map<String, Double> normalised(Map<String, Double> scores) {
        double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double min = scores.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        Map<String, Double> out = new LinkedHashMap<>();
        scores.forEach((id, s) -> out.put(id, max > min ? (s - min) / (max - min) : 1));
        return out;
    }

    private static Map<String, StoredMemory> byIdOf(List<StoredMemory> rows) {
        Map<String, StoredMemory> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        return byId;
    }

    /**
     * A candidate with its final score.
     *
     * @param similarity its cosine with the query: how close it is, whatever else was found
     */
    public record Ranked(StoredMemory memory, double score, double similarity) {
    }
}
