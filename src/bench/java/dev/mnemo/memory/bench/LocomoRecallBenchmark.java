package dev.mnemo.memory.bench;

import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.embedding.EmbeddingModels;
import dev.mnemo.memory.read.Retriever;
import dev.mnemo.memory.store.MemoryStatus;
import dev.mnemo.memory.store.StoredMemory;
import dev.mnemo.memory.write.ImportanceJudge;
import dev.mnemo.testing.MapCache;
import dev.mnemo.testing.MutableClock;
import dev.mnemo.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * LoCoMo retrieval (Maharana et al., 2024, CC BY-NC 4.0, read in place from ../shared/data/locomo): each
 * conversation is one user; every turn becomes a memory ("Speaker: text", plus the photo caption when there
 * is one) dated at its session; every question with evidence is asked, and recall@k is the share of its
 * evidence turns among the top k, averaged over questions — overall and per category — for cosine only,
 * keyword + cosine (reciprocal-rank fusion), and the full pipeline (fusion, then re-ranking with importance
 * and strength), with both in-process embedding models.
 * Run: {@code ./mvnw -Pbench test -Dtest=LocomoRecallBenchmark}.
 */
@Tag("benchmark")
class LocomoRecallBenchmark {
    private static final Map<Integer, String> CATEGORIES = Map.of(1, "multi-hop", 2, "temporal", 3, "open-domain",
            4, "single-hop", 5, "adversarial");
    private static final DateTimeFormatter SESSION_DATE = DateTimeFormatter.ofPattern("h:mm a 'on' d MMMM, yyyy", Locale.ENGLISH);

    @Test
    void recallOfEvidenceTurns() throws IOException {
        JsonNode conversations = JsonMapper.builder().build().readTree(SharedData.require("locomo/locomo10.json").toFile());
        StringBuilder report = new StringBuilder();
        for (String model : System.getProperty("locomo.models", String.join(",", EmbeddingModels.IN_PROCESS)).split(",")) {
            report.append(run(model.strip(), conversations));
        }
        System.out.println(report);
        Files.writeString(BenchStores.out("locomo-recall.txt"), report);
    }

    private String run(String model, JsonNode conversations) {
        MutableClock clock = new MutableClock(Instant.EPOCH);
        Embedder embedder = EmbeddingModels.create(model, new MapCache(), null, null);
        BenchStores stores = new BenchStores(embedder, clock);
        Map<Retriever.Mode, Score> scores = new LinkedHashMap<>();
        for (Retriever.Mode mode : Retriever.Mode.values()) {
            scores.put(mode, new Score());
        }
        long turns = 0;
        long ingestNanos = 0;
        for (JsonNode sample : conversations) {
            String user = sample.get("sample_id").asString();
            Map<String, String> diaByMemory = new HashMap<>();
            long started = System.nanoTime();
            long last = ingest(stores, embedder, user, sample.get("conversation"), diaByMemory);
            ingestNanos += System.nanoTime() - started;
            turns += diaByMemory.size();
            clock.set(Instant.ofEpochMilli(last).plusSeconds(86_400)); // asked the day after the last session
            for (JsonNode qa : sample.get("qa")) {
                Set<String> evidence = evidence(qa, new HashSet<>(diaByMemory.values()));
                if (evidence.isEmpty()) {
                    continue;
                }
                int category = qa.get("category").asInt();
                for (Retriever.Mode mode : Retriever.Mode.values()) {
                    List<String> top = stores.retriever.retrieve(user, qa.get("question").asString(), 10, mode).stream()
                            .map(r -> diaByMemory.get(r.memory().id())).toList();
                    scores.get(mode).add(category, recall(top, evidence, 5), recall(top, evidence, 10));
                }
            }
        }
        StringBuilder out = new StringBuilder("%s: %d turns embedded and stored at %.0f turns/s (batch ingest)%n"
                .formatted(model, turns, turns / (ingestNanos / 1e9)));
        scores.forEach((mode, score) -> out.append(score.describe(mode.name())));
        return out.append('\n').toString();
    }

    /** Stores every turn; returns the last session's time. */
    private long ingest(BenchStores stores, Embedder embedder, String user, JsonNode conversation,
                        Map<String, String> diaByMemory) {
        long last = 0;
        List<StoredMemory> memories = new ArrayList<>();
        List<String> dias = new ArrayList<>();
        for (int session = 1; conversation.has("session_" + session + "_date_time"); session++) {
            JsonNode turns = conversation.get("session_" + session);
            if (turns == null || !turns.isArray()) {
                continue;
            }
            long at = LocalDateTime.parse(conversation.get("session_" + session + "_date_time").asString()
                    .replace("am", "AM").replace("pm", "PM"), SESSION_DATE).toInstant(ZoneOffset.UTC).toEpochMilli();
            last = Math.max(last, at);
            for (JsonNode turn : turns) {
                String text = turn.get("speaker").asString() + ": " + turn.get("text").asString()
                        + (turn.has("blip_caption") ? " (shares a photo: " + turn.get("blip_caption").asString() + ")" : "");
                String id = UUID.randomUUID().toString();
                memories.add(new StoredMemory(id, user, text, MemoryKind.EVENT,
                        ImportanceJudge.heuristic(text, MemoryKind.EVENT), List.of(), at, at, null, 0, 1.0,
                        at, at, MemoryStatus.ACTIVE));
                dias.add(turn.get("dia_id").asString());
            }
        }
        List<float[]> vectors = embedder.embedAll(memories.stream().map(StoredMemory::text).toList());
        stores.changes.run(user, edit -> {
            for (int i = 0; i < memories.size(); i++) {
                edit.add(memories.get(i), List.of(), embedder.modelId(), vectors.get(i));
            }
        });
        for (int i = 0; i < memories.size(); i++) {
            diaByMemory.put(memories.get(i).id(), dias.get(i));
        }
        return last;
    }

    /** Evidence ids as given, split on spaces and semicolons; ids that match no turn are dropped. */
    private static Set<String> evidence(JsonNode qa, Set<String> known) {
        Set<String> ids = new HashSet<>();
        for (JsonNode e : qa.path("evidence")) {
            for (String id : e.asString().split("[;\\s]+")) {
                if (known.contains(id.strip())) {
                    ids.add(id.strip());
                }
            }
        }
        return ids;
    }

    private static double recall(List<String> ranked, Set<String> evidence, int k) {
        long found = ranked.stream().limit(k).filter(evidence::contains).distinct().count();
        return (double) found / evidence.size();
    }

    private static final class Score {
        private final Map<Integer, double[]> byCategory = new TreeMap<>();

        void add(int category, double at5, double at10) {
            double[] s = byCategory.computeIfAbsent(category, c -> new double[3]);
            s[0] += at5;
            s[1] += at10;
            s[2]++;
        }

        String describe(String mode) {
            double a5 = 0, a10 = 0, n = 0;
            StringBuilder per = new StringBuilder();
            for (Map.Entry<Integer, double[]> e : byCategory.entrySet()) {
                double[] s = e.getValue();
                a5 += s[0];
                a10 += s[1];
                n += s[2];
                per.append("    %d %-11s n=%-4.0f R@5 %.3f  R@10 %.3f%n".formatted(e.getKey(),
                        CATEGORIES.get(e.getKey()), s[2], s[0] / s[2], s[1] / s[2]));
            }
            return "  %-6s overall n=%.0f  R@5 %.3f  R@10 %.3f%n%s".formatted(mode, n, a5 / n, a10 / n, per);
        }
    }
}
