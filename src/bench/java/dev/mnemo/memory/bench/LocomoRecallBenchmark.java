package dev.mnemo.memory.bench;

import dev.mnemo.memory.MemoryKind;
import dev.mnemo.memory.embedding.Embedder;
import dev.mnemo.memory.embedding.EmbeddingModels;
import dev.mnemo.memory.read.QueryWindow;
import dev.mnemo.memory.read.Retriever;
import dev.mnemo.memory.store.MemoryStatus;
import dev.mnemo.memory.store.StoredMemory;
import dev.mnemo.memory.write.ImportanceJudge;
import dev.mnemo.memory.write.Slots;
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
 * evidence turns among the top k, averaged over questions — overall, per category and for the questions that name a
 * time — for each step of the read path ({@link Retriever.Steps}), tuned on the first five conversations and reported
 * on the other five, with both in-process embedding models; then, for the product's steps, how many of the top 5 are
 * evidence and how many are not at each candidate relevance floor, and what unrelated messages still recall.
 * Run: {@code ./mvnw -Pbench test -Dtest=LocomoRecallBenchmark} (about 5 minutes; {@code -Dlocomo.models=bge-small-en-v1.5}
 * for one model).
 */
@Tag("benchmark")
class LocomoRecallBenchmark {
    private static final Map<Integer, String> CATEGORIES = Map.of(1, "multi-hop", 2, "temporal", 3, "open-domain",
            4, "single-hop", 5, "adversarial");
    private static final DateTimeFormatter SESSION_DATE = DateTimeFormatter.ofPattern("h:mm a 'on' d MMMM, yyyy", Locale.ENGLISH);

    /** Tuned on the first five conversations (conv-26 … conv-43), reported on the other five. */
    private static final int TUNING_CONVERSATIONS = 5;
    private static final Map<String, Retriever.Steps> STEPS = new LinkedHashMap<>();
    /** Steps run on memories whose search key holds the turn before them (the turn that led to it). */
    private static final String CONTEXT = ", keyed with the turn before";

    static {
        STEPS.put("cosine only, top 10", new Retriever.Steps(10, Retriever.Fusion.COSINE_ONLY, 1, false, false, 0));
        STEPS.put("before: reciprocal rank, pools of 20, re-ranked",
                new Retriever.Steps(20, Retriever.Fusion.RECIPROCAL_RANK, 0, false, true, 0));
        STEPS.put("reciprocal rank, pools of 100, re-ranked",
                new Retriever.Steps(100, Retriever.Fusion.RECIPROCAL_RANK, 0, false, true, 0));
        for (double weight : new double[] {0.5, 0.6, 0.7}) {
            STEPS.put("weighted %.1f, pools of 100, re-ranked".formatted(weight),
                    new Retriever.Steps(100, Retriever.Fusion.WEIGHTED, weight, false, true, 0));
        }
        STEPS.put("weighted 0.6, pools of 100, not re-ranked",
                new Retriever.Steps(100, Retriever.Fusion.WEIGHTED, 0.6, false, false, 0));
        for (double weight : new double[] {0.4, 0.5, 0.6}) {
            STEPS.put("weighted %.1f, pools of 100, re-ranked".formatted(weight) + CONTEXT,
                    new Retriever.Steps(100, Retriever.Fusion.WEIGHTED, weight, true, true, 0));
        }
        for (double boost : new double[] {0.1, 0.2, 0.3, 0.5}) {
            STEPS.put("weighted 0.5, pools of 100, re-ranked" + CONTEXT + ", said in the time asked about +%.1f".formatted(boost),
                    new Retriever.Steps(100, Retriever.Fusion.WEIGHTED, 0.5, true, true, boost));
        }
    }

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
        Map<String, Score[]> scores = new LinkedHashMap<>();
        STEPS.keySet().forEach(step -> scores.put(step, new Score[] {new Score(), new Score()}));
        long turns = 0;
        long ingestNanos = 0;
        int sampleNumber = 0;
        Floors[] floors = {new Floors(), new Floors()};
        for (JsonNode sample : conversations) {
            int half = sampleNumber++ < TUNING_CONVERSATIONS ? 0 : 1;
            String user = sample.get("sample_id").asString();
            Map<String, String> diaByMemory = new HashMap<>();
            long started = System.nanoTime();
            long last = ingest(stores, embedder, user, sample.get("conversation"), diaByMemory, false);
            ingestNanos += System.nanoTime() - started;
            turns += diaByMemory.size();
            String contextual = user + "+context";
            ingest(stores, embedder, contextual, sample.get("conversation"), diaByMemory, true);
            clock.set(Instant.ofEpochMilli(last).plusSeconds(86_400)); // asked the day after the last session
            for (String unrelated : UNRELATED) {
                // As the product recalls: nothing for small talk.
                floors[half].unrelated(Slots.isSmallTalk(unrelated) ? List.of() : stores.retriever.retrieve(user, unrelated, ZoneOffset.UTC, 5));
            }
            for (JsonNode qa : sample.get("qa")) {
                Set<String> evidence = evidence(qa, new HashSet<>(diaByMemory.values()));
                if (evidence.isEmpty()) {
                    continue;
                }
                int category = qa.get("category").asInt();
                boolean timed = QueryWindow.in(qa.get("question").asString(), clock.instant().atZone(ZoneOffset.UTC)).isPresent();
                floors[half].asked(stores.retriever.retrieve(user, qa.get("question").asString(), ZoneOffset.UTC, 5), diaByMemory, evidence);
                for (Map.Entry<String, Retriever.Steps> step : STEPS.entrySet()) {
                    String asked = step.getKey().contains(CONTEXT) ? contextual : user;
                    List<String> top = stores.retriever.retrieve(asked, qa.get("question").asString(), ZoneOffset.UTC, 10, step.getValue())
                            .stream().map(r -> diaByMemory.get(r.memory().id())).toList();
                    scores.get(step.getKey())[half].add(category, timed, recall(top, evidence, 5), recall(top, evidence, 10));
                }
            }
        }
        StringBuilder out = new StringBuilder("%s: %d turns embedded and stored at %.0f turns/s (batch ingest)%n"
                .formatted(model, turns, turns / (ingestNanos / 1e9)));
        out.append("tuning half: the first %d conversations; held-out half: the rest%n".formatted(TUNING_CONVERSATIONS));
        scores.forEach((step, halves) -> out.append(step).append('\n')
                .append(halves[0].describe("tuning")).append(halves[1].describe("held-out")));
        out.append("relevance floor on the product's top 5 (cosine with the query at least the floor):\n");
        out.append(floors[0].describe("tuning")).append(floors[1].describe("held-out"));
        return out.append('\n').toString();
    }

    /** Stores every turn; returns the last session's time. */
    private long ingest(BenchStores stores, Embedder embedder, String user, JsonNode conversation,
                        Map<String, String> diaByMemory, boolean withContext) {
        String before = "";
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
                        ImportanceJudge.heuristic(text, MemoryKind.EVENT), List.of(), at, at, null, 0, 1.0, at, at,
                        MemoryStatus.ACTIVE, withContext && !before.isEmpty() ? before : null));
                before = text;
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

    /** Messages that are about none of the memories: small talk, requests, general knowledge. */
    private static final List<String> UNRELATED = List.of("hi", "thanks!", "ok cool", "good morning", "lol",
            "what's the capital of Australia?", "tell me a joke", "how do I convert miles to km?",
            "what is 17 times 23?", "write a haiku about autumn", "explain how a transistor works",
            "what time is it in Tokyo?", "remind me to call the bank at 5", "how long should I boil an egg?",
            "translate 'good night' into Spanish", "what's a good name for a goldfish?",
            "summarise the plot of Hamlet", "is it going to rain tomorrow?", "define entropy",
            "how many ounces in a pound?");
    private static final double[] FLOOR_STEPS = {0.0, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70};

    /** For each candidate floor: how many of the top 5 are evidence and how many are not, kept by it. */
    private static final class Floors {
        private final long[] evidenceKept = new long[FLOOR_STEPS.length];
        private final long[] otherKept = new long[FLOOR_STEPS.length];
        private final long[] unrelatedKept = new long[FLOOR_STEPS.length];
        private long questions;
        private long unrelatedAsked;

        void asked(List<Retriever.Ranked> top, Map<String, String> diaByMemory, Set<String> evidence) {
            questions++;
            for (Retriever.Ranked r : top) {
                boolean isEvidence = evidence.contains(diaByMemory.get(r.memory().id()));
                for (int i = 0; i < FLOOR_STEPS.length; i++) {
                    if (r.similarity() >= FLOOR_STEPS[i]) {
                        (isEvidence ? evidenceKept : otherKept)[i]++;
                    }
                }
            }
        }

        void unrelated(List<Retriever.Ranked> top) {
            unrelatedAsked++;
            for (Retriever.Ranked r : top) {
                for (int i = 0; i < FLOOR_STEPS.length; i++) {
                    if (r.similarity() >= FLOOR_STEPS[i]) {
                        unrelatedKept[i]++;
                    }
                }
            }
        }

        String describe(String half) {
            StringBuilder out = new StringBuilder("  %s: %d questions, %d unrelated messages%n".formatted(half, questions, unrelatedAsked));
            for (int i = 0; i < FLOOR_STEPS.length; i++) {
                out.append("    floor %.2f: evidence %.2f per question (%.0f %% of it kept), other %.2f, unrelated message %.2f%n"
                        .formatted(FLOOR_STEPS[i], (double) evidenceKept[i] / questions,
                                100.0 * evidenceKept[i] / Math.max(1, evidenceKept[0]), (double) otherKept[i] / questions,
                                (double) unrelatedKept[i] / unrelatedAsked));
            }
            return out.toString();
        }
    }

    private static final class Score {
        private final Map<Integer, double[]> byCategory = new TreeMap<>();
        private final double[] timed = new double[3];

        void add(int category, boolean namesATime, double at5, double at10) {
            if (namesATime) {
                timed[0] += at5;
                timed[1] += at10;
                timed[2]++;
            }
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
            per.append("      names a time n=%-4.0f R@5 %.3f  R@10 %.3f%n".formatted(timed[2], timed[0] / timed[2], timed[1] / timed[2]));
            return "  %-6s overall n=%.0f  R@5 %.3f  R@10 %.3f%n%s".formatted(mode, n, a5 / n, a10 / n, per);
        }
    }
}
