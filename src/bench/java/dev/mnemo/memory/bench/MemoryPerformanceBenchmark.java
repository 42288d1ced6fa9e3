package dev.mnemo.memory.bench;

import dev.mnemo.memory.MemoryIntake;
import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.MemoryRecall;
import dev.mnemo.memory.WriteOutcome;
import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.index.IndexRegistry;
import dev.mnemo.memory.read.Retriever;
import dev.mnemo.memory.store.MemoryChanges;
import dev.mnemo.memory.store.MemoryStatus;
import dev.mnemo.memory.store.StoredMemory;
import dev.mnemo.testing.SharedData;
import dev.mnemo.testing.BenchApp;
import dev.mnemo.testing.RandomVectors;
import java.time.ZoneOffset;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read path's latency for one user at 1k, 10k and 100k memories — the whole {@code recall}: query
 * embedding (never cached: each question is asked once), index check, exact cosine over every vector,
 * BM25, fusion, re-ranking with rows from the database, and the access update — and the write path's
 * throughput (embedding, judging, reconciling, storing) on the application's default wiring (SQLite,
 * bge-small, offline). Stored vectors for the latency runs are random unit vectors: a scan costs the same
 * whatever the vectors hold, and embedding 100k texts would take minutes. Texts are LoCoMo turns.
 * Run: {@code ./mvnw -Pbench test -Dtest=MemoryPerformanceBenchmark}.
 */
@Tag("benchmark")
@BenchApp
class MemoryPerformanceBenchmark {
    private static final int WARMUP = 100;
    private static final int MEASURED = 500;

    @Autowired
    MemoryRecall recall;
    @Autowired
    MemoryIntake intake;
    @Autowired
    MemoryChanges changes;
    @Autowired
    Embedder embedder;
    @Autowired
    IndexRegistry indexes;
    @Autowired
    Retriever retriever;

    @Test
    void readLatencyAndWriteThroughput() throws IOException {
        JsonNode locomo = JsonMapper.builder().build().readTree(SharedData.require("locomo/locomo10.json").toFile());
        List<String> turns = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        for (JsonNode sample : locomo) {
            JsonNode conversation = sample.get("conversation");
            for (int s = 1; conversation.has("session_" + s + "_date_time"); s++) {
                conversation.path("session_" + s).forEach(t -> turns.add(t.get("speaker").asString() + ": " + t.get("text").asString()));
            }
            sample.get("qa").forEach(q -> questions.add(q.get("question").asString()));
        }
        StringBuilder report = new StringBuilder("Read path (recall of 5), one user, SQLite, " + embedder.modelId() + "\n");
        long[] embedding = new long[MEASURED];
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            String question = "warm " + questions.get(questions.size() - 1 - (i % questions.size()));
            long start = System.nanoTime();
            embedder.embedQuery(question);
            if (i >= WARMUP) {
                embedding[i - WARMUP] = System.nanoTime() - start;
            }
        }
        Arrays.sort(embedding);
        report.append("  the query embedding alone: p50 %.2f ms  p99 %.2f ms%n".formatted(embedding[MEASURED / 2] / 1e6,
                embedding[(int) Math.ceil(MEASURED * 0.99) - 1] / 1e6));
        int q = 0;
        for (int size : new int[] {1_000, 10_000, 100_000}) {
            String user = "perf-" + size + "-" + UUID.randomUUID();
            fill(user, size, turns);
            for (int i = 0; i < WARMUP; i++) {
                recall.recall(user, questions.get(q++ % questions.size()), ZoneOffset.UTC, 5);
            }
            long[] nanos = new long[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                String question = questions.get(q++ % questions.size());
                long start = System.nanoTime();
                recall.recall(user, question, ZoneOffset.UTC, 5);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            report.append("  %,7d memories: p50 %6.2f ms  p99 %6.2f ms  (%d queries after %d warm-up)%n".formatted(size,
                    nanos[MEASURED / 2] / 1e6, nanos[(int) Math.ceil(MEASURED * 0.99) - 1] / 1e6, MEASURED, WARMUP));
            long[] retrieveOnly = new long[MEASURED];
            long[] keywordOnly = new long[MEASURED];
            long[] vectorOnly = new long[MEASURED];
            var index = indexes.get(user);
            for (int i = 0; i < MEASURED; i++) {
                String question = questions.get(q++ % questions.size());
                float[] v = embedder.embedQuery(question);
                long start = System.nanoTime();
                index.nearest(v, 20);
                vectorOnly[i] = System.nanoTime() - start;
                start = System.nanoTime();
                index.keyword(question, 20, true);
                keywordOnly[i] = System.nanoTime() - start;
                start = System.nanoTime();
                retriever.retrieve(user, question, ZoneOffset.UTC, 5);
                retrieveOnly[i] = System.nanoTime() - start;
            }
            Arrays.sort(retrieveOnly);
            Arrays.sort(keywordOnly);
            Arrays.sort(vectorOnly);
            report.append("      of which: cosine scan p50 %.2f / p99 %.2f ms; BM25 p50 %.2f / p99 %.2f ms; whole retrieval with the query vector at hand p50 %.2f / p99 %.2f ms%n".formatted(
                    vectorOnly[MEASURED / 2] / 1e6, vectorOnly[MEASURED * 99 / 100] / 1e6,
                    keywordOnly[MEASURED / 2] / 1e6, keywordOnly[MEASURED * 99 / 100] / 1e6,
                    retrieveOnly[MEASURED / 2] / 1e6, retrieveOnly[MEASURED * 99 / 100] / 1e6));

        }
        long start = System.nanoTime();
        int writes = 2_000;
        Map<WriteOutcome.Action, Integer> actions = new EnumMap<>(WriteOutcome.Action.class);
        String writer = "perf-writes-" + UUID.randomUUID();
        for (int i = 0; i < writes; i++) {
            actions.merge(intake.remember(writer, turns.get(i), null).action(), 1, Integer::sum);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        report.append("Write path (remember: embed, judge, reconcile, store), one user growing to %d: %.0f memories/s %s%n"
                .formatted(writes, writes / seconds, actions));
        System.out.println(report);
        Files.writeString(BenchStores.out("memory-performance.txt"), report);
    }

    private void fill(String user, int size, List<String> turns) {
        Random random = new Random(size);
        int dim = embedder.dimension();
        for (int from = 0; from < size; from += 5_000) {
            int to = Math.min(size, from + 5_000);
            int first = from;
            changes.run(user, edit -> {
                for (int i = first; i < to; i++) {
                    long at = 1_700_000_000_000L + i * 60_000L;
                    StoredMemory m = new StoredMemory(UUID.randomUUID().toString(), user, turns.get(i % turns.size()),
                            MemoryKind.EVENT, 1 + random.nextInt(10), List.of(), at, at, null, 0, 1.0, at, at,
                            MemoryStatus.ACTIVE, null);
                    edit.add(m, List.of(), embedder.modelId(), RandomVectors.unit(random, dim));
                }
            });
        }
    }
}
